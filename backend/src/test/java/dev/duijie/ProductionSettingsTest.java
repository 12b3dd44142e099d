package dev.duijie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSettingsTest {

    @Test
    void givenTheDemoProfile_whenTheDemoSettingsAreUsed_thenItStarts() {
        MockEnvironment demo = production().withProperty("spring.datasource.password", "duijie");
        demo.setActiveProfiles("demo");

        assertThat(ProductionSettings.problems(demo)).isEmpty();
    }

    @Test
    void givenNoDemoProfile_whenTheDatabasePasswordIsADemoOneOrMissing_thenItRefusesToStart() {
        for (String password : new String[] {"duijie", "duijie-demo", "", " "}) {
            MockEnvironment environment = production().withProperty("spring.datasource.password", password);

            assertThatThrownBy(() -> new ProductionSettings(environment)).hasMessageContaining("DUIJIE_DB_PASSWORD");
        }
    }

    @Test
    void givenNoDemoProfile_whenTheAudienceOrIssuerIsMissing_thenItRefusesToStartNamingThem() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("spring.datasource.password", "s3cret-from-the-vault");

        assertThat(ProductionSettings.problems(environment))
                .anySatisfy(problem -> assertThat(problem).startsWith("DUIJIE_AUDIENCE"))
                .anySatisfy(problem -> assertThat(problem).startsWith("DUIJIE_ISSUER_URI"))
                .hasSize(2);
    }

    @Test
    void givenNoDemoProfile_whenEverythingIsSetProperly_thenItStarts() {
        assertThat(ProductionSettings.problems(production())).isEmpty();
    }

    private static MockEnvironment production() {
        return new MockEnvironment()
                .withProperty("spring.datasource.password", "s3cret-from-the-vault")
                .withProperty("duijie.security.audience", "duijie-api")
                .withProperty("duijie.security.issuer-uri", "https://id.county.example/realms/duijie");
    }
}
