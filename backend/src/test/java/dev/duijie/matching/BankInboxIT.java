package dev.duijie.matching;

import static dev.duijie.support.Requests.financingDraft;
import static dev.duijie.support.Requests.loanProduct;
import static dev.duijie.support.Requests.publication;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.Eventually;
import dev.duijie.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Loan product → open requests: a bank's inbox holds only open requests of verified firms that fit. */
class BankInboxIT extends IntegrationTest {

    @Test
    void givenAProduct_whenTheBankOpensItsInbox_thenFittingOpenRequestsOnlyEachWithWhy() throws Exception {
        String bank = token("bank-a");
        Map<String, Object> terms = loanProduct("收件箱测试 " + uniqueWord());
        terms.put("tiers", List.of("small"));
        String productId = api.post("/loan-products", terms)
                .as(bank)
                .send()
                .json()
                .get("id")
                .asString();
        api.post("/loan-products/" + productId + "/status", Map.of("status", "active"))
                .as(bank)
                .send();

        String fits = publish("enterprise", financingDraft("腊肉扩产 " + uniqueWord()));
        Map<String, Object> tooBig = financingDraft("超出产品额度 " + uniqueWord());
        tooBig.put("amountFen", 800_000_000L);
        String tooBigId = publish("enterprise", tooBig);
        Map<String, Object> wrongIndustry = financingDraft("新材料项目 " + uniqueWord());
        wrongIndustry.put("industry", "new-materials");
        String wrongIndustryId = publish("enterprise", wrongIndustry);
        String draft = draftRequest("草稿 " + uniqueWord());
        // newfirm is unverified: it cannot publish, so its requests never reach an inbox
        String unverifiedDraft = api.post("/financing-requests", financingDraft("未认证企业 " + uniqueWord()))
                .as(token("newfirm"))
                .send()
                .json()
                .get("id")
                .asString();

        List<JsonNode> inbox = inbox(productId, ids -> ids.contains(fits));
        List<String> ids =
                inbox.stream().map(m -> m.at("/financingRequest/id").asString()).toList();

        assertThat(ids).contains(fits).doesNotContain(tooBigId, wrongIndustryId, draft, unverifiedDraft);
        for (JsonNode match : inbox) {
            JsonNode request = match.get("financingRequest");
            assertThat(request.get("status").asString()).isEqualTo("open");
            assertThat(request.get("amountFen").asLong()).isBetween(50_000_000L, 500_000_000L);
            assertThat(request.get("industry").asString()).isIn("cured-pork", "lacquer-craft");
            assertThat(request.has("awardedBidId")).isFalse();
        }
        JsonNode mine = inbox.get(ids.indexOf(fits));
        assertThat(mine.get("why").findValuesAsString("factor")).contains("amount", "term", "freshness");
        assertThat(mine.get("why").findValuesAsString("explanation")).contains("0天前发布");
    }

    @Test
    void givenAnotherBanksProductOrAnotherRole_whenOpeningTheInbox_thenRefused() {
        String bank = token("bank-a");
        String productId = api.post("/loan-products", loanProduct("别人的收件箱 " + uniqueWord()))
                .as(bank)
                .send()
                .json()
                .get("id")
                .asString();

        assertThat(api.get("/loan-products/" + productId + "/matches/financing-requests")
                        .as(token("bank-b"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/loan-products/" + productId + "/matches/financing-requests")
                        .as(token("enterprise"))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    private String publish(String user, Map<String, Object> draft) {
        String id = api.post("/financing-requests", draft)
                .as(token(user))
                .send()
                .json()
                .get("id")
                .asString();
        assertThat(api.post("/financing-requests/" + id + "/publish", publication(14))
                        .as(token(user))
                        .send()
                        .status())
                .isEqualTo(200);
        return id;
    }

    private List<JsonNode> inbox(String productId, java.util.function.Predicate<List<String>> done) {
        return Eventually.until(
                "the inbox of loan product " + productId,
                () -> {
                    Response response = api.get("/loan-products/" + productId + "/matches/financing-requests?limit=50")
                            .as(token("bank-a"))
                            .header("Accept-Language", "zh-CN")
                            .send();
                    assertThat(response.status()).as(response.toString()).isEqualTo(200);
                    List<JsonNode> matches = new ArrayList<>();
                    response.json().get("items").forEach(matches::add);
                    return matches;
                },
                matches -> done.test(matches.stream()
                        .map(m -> m.at("/financingRequest/id").asString())
                        .toList()));
    }
}
