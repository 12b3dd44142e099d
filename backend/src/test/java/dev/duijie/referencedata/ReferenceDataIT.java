package dev.duijie.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceDataIT extends IntegrationTest {

    @Test
    void givenAnyRole_whenReadingReferenceData_thenTheCountysVocabulariesWithNames() {
        Response response = api.get("/reference-data").as(token("talent")).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(codes(response, "industries"))
                .contains("cured-pork", "lacquer-craft", "new-materials", "culture-tourism-wellness");
        assertThat(codes(response, "regions")).first().isEqualTo("county");
        assertThat(codes(response, "collateralTypes"))
                .containsExactly(
                        "real_estate",
                        "equipment",
                        "receivables",
                        "inventory",
                        "intellectual_property",
                        "equity",
                        "none");
        assertThat(codes(response, "enterpriseTiers"))
                .containsExactly("individual_business", "micro", "small", "above_designated_size");
        assertThat(codes(response, "enterpriseFlags"))
                .containsExactly("specialized_new", "high_tech", "tech_based", "little_giant");
        assertThat(response.json().at("/industries").findValuesAsString("nameZh"))
                .contains("老腊肉");
        assertThat(codes(response, "skills")).contains("food-technology", "meat-curing", "live-streaming");
        assertThat(codes(response, "educationLevels"))
                .containsExactly("none", "secondary", "associate", "bachelor", "master", "doctorate");
    }

    private static List<String> codes(Response response, String vocabulary) {
        List<String> codes = new ArrayList<>();
        response.json()
                .get(vocabulary)
                .forEach(item -> codes.add(item.get("code").asString()));
        return codes;
    }
}
