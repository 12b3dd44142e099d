package dev.duijie.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PersonLoaderTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode claims(String text) {
        return json.readTree(text);
    }

    @Test
    void givenRealmRoles_thenOnlyTheMarketplacesAreKeptInTheOrderHomesAreChosen() {
        JsonNode claims = claims(
                "{\"realm_access\":{\"roles\":[\"offline_access\",\"talent\",\"bank\",\"default-roles-duijie\"]}}");

        assertThat(PersonLoader.marketplaceRoles(claims)).containsExactly("bank", "talent");
    }

    @Test
    void givenNoRoles_thenThePersonHasNone() {
        assertThat(PersonLoader.marketplaceRoles(claims("{}"))).isEmpty();
    }

    @Test
    void givenAnOrganizationClaim_thenItIsReadOnlyWhenItIsAnId() {
        UUID id = UUID.randomUUID();

        assertThat(PersonLoader.organization(claims("{\"organization\":\"" + id + "\"}")))
                .isEqualTo(id);
        assertThat(PersonLoader.organization(claims("{\"organization\":\"not-an-id\"}")))
                .isNull();
        assertThat(PersonLoader.organization(claims("{}"))).isNull();
    }
}
