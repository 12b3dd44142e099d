package dev.duijie.search;

import static dev.duijie.support.Requests.loanProduct;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import dev.duijie.support.Api.Response;
import dev.duijie.support.Eventually;
import dev.duijie.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Changes committed while a rebuild fills its fresh index are not lost when the alias moves onto it: edits,
 * new products and retirements made during the rebuild all end up in the index as PostgreSQL has them.
 */
class RebuildUnderChangeIT extends IntegrationTest {

    @Autowired
    ElasticsearchClient elasticsearch;

    @Value("${duijie.search.index-prefix}")
    String indexPrefix;

    @Test
    void givenProductsChangingWhileTheIndexIsRebuilt_whenTheRebuildEnds_thenTheIndexConvergesToPostgres()
            throws Exception {
        String bank = token("bank-a");
        String edited = activeOffer("/loan-products", loanProduct("重建期间修改 " + uniqueWord()), "bank-a");
        List<String> retired = new ArrayList<>();
        List<String> created = new ArrayList<>();

        CompletableFuture<Response> rebuild =
                CompletableFuture.supplyAsync(() -> api.post("/search-indexes/loan-products/rebuild", null)
                        .as(token("regulator"))
                        .send());
        int changesDuringRebuild = 0;
        while (!rebuild.isDone()) {
            Response current = api.get("/loan-products/" + edited).as(bank).send();
            Response put = api.put("/loan-products/" + edited, loanProduct("重建期间修改 " + uniqueWord()))
                    .as(bank)
                    .header("If-Match", current.header("ETag").orElseThrow())
                    .send();
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            String added = activeOffer("/loan-products", loanProduct("重建期间新增 " + uniqueWord()), "bank-a");
            created.add(added);
            if (created.size() % 2 == 0) { // every other new product is retired again at once
                assertThat(api.post("/loan-products/" + added + "/status", Map.of("status", "retired"))
                                .as(bank)
                                .send()
                                .status())
                        .isEqualTo(200);
                retired.add(added);
            }
            if (!rebuild.isDone()) {
                changesDuringRebuild++;
            }
        }
        Response rebuilt = rebuild.get();
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(changesDuringRebuild)
                .as("changes committed while the rebuild ran")
                .isPositive();

        String alias = indexPrefix + "-loan-products";
        List<String> differences = Eventually.until(
                "the index equal to PostgreSQL after the rebuild",
                Duration.ofSeconds(20),
                () -> {
                    List<String> found = new ArrayList<>(versionDifference(alias, edited));
                    for (String id : created) {
                        found.addAll(versionDifference(alias, id));
                    }
                    return found;
                },
                List::isEmpty);
        assertThat(differences)
                .as("index against PostgreSQL after the rebuild (%d retired)", retired.size())
                .isEmpty();
    }

    /** Empty when the index holds exactly what PostgreSQL says: the active product at its version, nothing otherwise. */
    private List<String> versionDifference(String alias, String id) {
        Map<String, Object> row = jdbc.sql("select status, version from loan_product where id = :id::uuid")
                .param("id", id)
                .query()
                .singleRow();
        GetResponse<Map> indexed;
        try {
            indexed = elasticsearch.get(g -> g.index(alias).id(id), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean shouldBeThere = "active".equals(row.get("status"));
        if (shouldBeThere != indexed.found()) {
            return List.of(id + (shouldBeThere ? " missing" : " still indexed after retirement"));
        }
        if (shouldBeThere && ((Number) row.get("version")).longValue() != indexed.version()) {
            return List.of(id + " at version " + indexed.version() + " in the index, " + row.get("version")
                    + " in PostgreSQL");
        }
        return List.of();
    }
}
