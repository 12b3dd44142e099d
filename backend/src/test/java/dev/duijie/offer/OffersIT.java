package dev.duijie.offer;

import static dev.duijie.support.Requests.guaranteeProduct;
import static dev.duijie.support.Requests.loanProduct;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loan and guarantee products through their lifecycle, with who may see and change them. */
class OffersIT extends IntegrationTest {

    @Test
    void givenBank_whenTakingALoanProductThroughItsLifecycle_thenEachStepHoldsAndVisibilityFollowsStatus() {
        String bank = token("bank-a");
        Response created = api.post("/loan-products", loanProduct("腊肉贷 " + uniqueWord()))
                .as(bank)
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("draft");
        String path = "/loan-products/" + created.json().get("id").asString();

        // a draft is the owner's alone
        assertThat(api.get(path).as(token("bank-b")).send().status()).isEqualTo(404);
        assertThat(api.get(path).as(token("enterprise")).send().status()).isEqualTo(404);

        Response active =
                api.post(path + "/status", Map.of("status", "active")).as(bank).send();
        assertThat(active.status()).isEqualTo(200);
        assertThat(active.json().get("status").asString()).isEqualTo("active");
        assertThat(api.get(path).as(token("enterprise")).send().status()).isEqualTo(200);
        assertThat(api.get(path).as(token("bank-b")).send().status()).isEqualTo(200);
        assertThat(listedIds("/loan-products?limit=100", "enterprise"))
                .contains(created.json().get("id").asString());

        // only the owner changes it
        assertThat(api.post(path + "/status", Map.of("status", "paused"))
                        .as(token("bank-b"))
                        .send()
                        .status())
                .isEqualTo(404);
        Response paused =
                api.post(path + "/status", Map.of("status", "paused")).as(bank).send();
        assertThat(paused.json().get("status").asString()).isEqualTo("paused");
        assertThat(api.get(path).as(token("enterprise")).send().status()).isEqualTo(404);

        Response edited = api.put(path, loanProduct("腊肉贷（调整）"))
                .as(bank)
                .header("If-Match", paused.header("ETag").orElseThrow())
                .send();
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("name").asString()).isEqualTo("腊肉贷（调整）");
        assertThat(api.put(path, loanProduct("过期修改"))
                        .as(bank)
                        .header("If-Match", paused.header("ETag").orElseThrow())
                        .send()
                        .status())
                .isEqualTo(412);

        assertThat(api.post(path + "/status", Map.of("status", "retired"))
                        .as(bank)
                        .send()
                        .status())
                .isEqualTo(200);
        Response afterRetired =
                api.post(path + "/status", Map.of("status", "active")).as(bank).send();
        assertThat(afterRetired.status()).isEqualTo(409);
        assertThat(afterRetired.json().get("type").asString())
                .isEqualTo("https://duijie.example.cn/problems/invalid-state");
        assertThat(api.put(path, loanProduct("退役后修改"))
                        .as(bank)
                        .header("If-Match", "*")
                        .send()
                        .status())
                .isEqualTo(409);

        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = :id")
                        .param(
                                "id",
                                java.util.UUID.fromString(
                                        created.json().get("id").asString()))
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void givenGuarantor_whenPublishingAGuaranteeProduct_thenActiveProductsAreListedForEveryone() {
        String guarantor = token("guarantor");
        Response created = api.post("/guarantee-products", guaranteeProduct("小微企业融资担保 " + uniqueWord()))
                .as(guarantor)
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/guarantee-products/" + id + "/status", Map.of("status", "active"))
                        .as(guarantor)
                        .send()
                        .status())
                .isEqualTo(200);

        assertThat(listedIds("/guarantee-products?limit=100", "bank-a")).contains(id);
        assertThat(listedIds("/guarantee-products?mine=true&limit=100", "guarantor"))
                .contains(id);
        assertThat(api.get("/guarantee-products?mine=true")
                        .as(token("bank-a"))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void givenAnUnverifiedBank_whenActivatingAProduct_thenForbiddenButItMayStillDraft() {
        String id = api.post("/loan-products", loanProduct("未认证银行的产品 " + uniqueWord()))
                .as(token("bank-b"))
                .send()
                .json()
                .get("id")
                .asString();
        jdbc.sql("update organization set verified_at = null where id = :id")
                .param("id", BANK_B_ORG)
                .update();
        try {
            Response refused = api.post("/loan-products/" + id + "/status", Map.of("status", "active"))
                    .as(token("bank-b"))
                    .send();
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("type").asString())
                    .isEqualTo("https://duijie.example.cn/problems/organization-not-verified");
            assertThat(api.put("/loan-products/" + id, loanProduct("草稿仍可修改"))
                            .as(token("bank-b"))
                            .header("If-Match", "*")
                            .send()
                            .status())
                    .isEqualTo(200);
        } finally {
            jdbc.sql("update organization set verified_at = now() where id = :id")
                    .param("id", BANK_B_ORG)
                    .update();
        }
        // another bank cannot touch it, and does not learn it exists
        assertThat(api.put("/loan-products/" + id, loanProduct("别人的产品"))
                        .as(token("bank-a"))
                        .header("If-Match", "*")
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void givenWrongRole_whenCreatingProducts_thenForbidden() {
        assertThat(api.post("/loan-products", loanProduct("企业不能放贷"))
                        .as(token("enterprise"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/guarantee-products", guaranteeProduct("银行不能担保"))
                        .as(token("bank-a"))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void givenRangesWithMinAboveMax_whenCreating_then400NamingTheMinimumAndNothingStored() {
        int before = jdbc.sql("select count(*) from loan_product")
                .query(Integer.class)
                .single();
        for (String[] range : new String[][] {
            {"amountMinFen", "amountMaxFen"}, {"termMinMonths", "termMaxMonths"}, {"rateMinBp", "rateMaxBp"}
        }) {
            Map<String, Object> product = loanProduct("区间颠倒");
            Object min = product.get(range[0]);
            product.put(range[0], product.get(range[1]));
            product.put(range[1], min);

            Response response =
                    api.post("/loan-products", product).as(token("bank-a")).send();

            assertThat(response.status()).as(range[0]).isEqualTo(400);
            assertThat(response.json().at("/errors/0/field").asString()).isEqualTo(range[0]);
        }
        Map<String, Object> unknownRegion = loanProduct("未知地区");
        unknownRegion.put("regions", List.of("county", "atlantis"));
        Response response =
                api.post("/loan-products", unknownRegion).as(token("bank-a")).send();
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("regions[1]");
        assertThat(jdbc.sql("select count(*) from loan_product")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    private List<String> listedIds(String path, String user) {
        Response response = api.get(path).as(token(user)).send();
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
