package dev.duijie.search;

import static dev.duijie.support.Requests.financingDraft;
import static dev.duijie.support.Requests.publication;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** A rebuild makes a fresh index from PostgreSQL and swaps the alias onto it; searches keep working. */
class IndexRebuildIT extends IntegrationTest {

    @Autowired
    ElasticsearchClient elasticsearch;

    @Value("${duijie.search.index-prefix}")
    String indexPrefix;

    @Test
    void givenTheRegulator_whenRebuildingTheRequestIndex_thenTheAliasMovesToAFullFreshIndex() throws Exception {
        String enterprise = token("enterprise");
        String word = uniqueWord();
        String open = api.post("/financing-requests", financingDraft("重建索引 " + word))
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();
        api.post("/financing-requests/" + open + "/publish", publication(14))
                .as(enterprise)
                .send();
        String alias = indexPrefix + "-financing-requests";
        Set<String> before =
                elasticsearch.indices().getAlias(a -> a.name(alias)).result().keySet();

        Response rebuilt = api.post("/search-indexes/financing-requests/rebuild", null)
                .as(token("regulator"))
                .send();

        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        String fresh = rebuilt.json().get("index").asString();
        assertThat(rebuilt.json().get("documents").asInt()).isPositive();
        assertThat(elasticsearch.indices().getAlias(a -> a.name(alias)).result().keySet())
                .containsExactly(fresh);
        for (String old : before) {
            assertThat(elasticsearch.indices().exists(e -> e.index(old)).value())
                    .as("old index %s deleted", old)
                    .isFalse();
        }
        assertThat(elasticsearch.exists(e -> e.index(alias).id(open)).value()).isTrue();
        Response search = api.get("/open-financing-requests?q=" + word)
                .as(token("bank-a"))
                .send();
        assertThat(search.json().get("items").findValuesAsString("id")).contains(open);
    }

    @Test
    void givenOtherRolesOrUnknownIndex_whenRebuilding_thenRefused() {
        assertThat(api.post("/search-indexes/financing-requests/rebuild", null)
                        .as(token("bank-a"))
                        .send()
                        .status())
                .isEqualTo(403);
        Response unknown = api.post("/search-indexes/talent/rebuild", null)
                .as(token("regulator"))
                .send();
        assertThat(unknown.status())
                .as("an invalid path value, as anywhere else")
                .isEqualTo(400);
        assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("indexName");
        assertThat(unknown.json().at("/errors/0/message").asString()).contains("financing-requests", "talent-profiles");
    }

    @Test
    void givenEveryIndexTheContractNames_whenTheRegulatorRebuildsIt_thenItIsRebuilt() {
        for (String index : List.of(
                "financing-requests",
                "loan-products",
                "guarantee-products",
                "investment-offers",
                "talent-profiles",
                "talent-needs")) {
            Response rebuilt = api.post("/search-indexes/" + index + "/rebuild", null)
                    .as(token("regulator"))
                    .send();

            assertThat(rebuilt.status()).as(index + ": " + rebuilt).isEqualTo(200);
            assertThat(rebuilt.json().get("index").asString()).contains(index);
        }
    }
}
