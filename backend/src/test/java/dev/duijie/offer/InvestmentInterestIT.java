package dev.duijie.offer;

import static dev.duijie.support.Requests.investmentOffer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 城商回归: an investor publishes an offer and tells a hometown firm it is interested; the firm sees who, and the
 * investor lists what it expressed.
 */
class InvestmentInterestIT extends IntegrationTest {

    @Test
    void givenAnActiveOffer_whenTheInvestorExpressesInterest_thenOnlyTheRequestingFirmSeesIt() {
        String investor = token("investor");
        Response offer = api.post("/investment-offers", investmentOffer("乡贤回归产业基金 " + uniqueWord()))
                .as(investor)
                .send();
        assertThat(offer.status()).as(offer.toString()).isEqualTo(201);
        String offerId = offer.json().get("id").asString();
        assertThat(api.post("/investment-offers/" + offerId + "/status", Map.of("status", "active"))
                        .as(investor)
                        .send()
                        .status())
                .isEqualTo(200);
        String requestId = openRequest();

        Response interest = api.put(
                        "/financing-requests/" + requestId + "/interests",
                        Map.of("investmentOfferId", offerId, "note", "我是城关镇人，愿意参股扩建。"))
                .as(investor)
                .send();
        assertThat(interest.status()).as(interest.toString()).isEqualTo(200);
        // once per investor: again replaces the note
        api.put("/financing-requests/" + requestId + "/interests", Map.of("note", "可以先做可转债。"))
                .as(investor)
                .send();

        Response seen = api.get("/financing-requests/" + requestId + "/interests")
                .as(token("enterprise"))
                .send();
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().get("items").size()).isEqualTo(1);
        assertThat(seen.json().at("/items/0/investorName").asString()).isEqualTo("在外乡贤投资联合会");
        assertThat(seen.json().at("/items/0/note").asString()).isEqualTo("可以先做可转债。");

        assertThat(api.get("/financing-requests/" + requestId + "/interests")
                        .as(token("newfirm"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/financing-requests/" + requestId + "/interests")
                        .as(token("bank-a"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.put("/financing-requests/" + requestId + "/interests", Map.of())
                        .as(token("bank-a"))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void givenInterestsInAnOpenAndAWithdrawnRequest_whenTheInvestorListsThem_thenNewestFirstAndNoMoreThanItMayRead() {
        String investor = token("investor");
        String closedTitle = "已撤回的引资项目 " + uniqueWord();
        String closed = openRequest(closedTitle);
        String open = openRequest("仍在对接的引资项目 " + uniqueWord());
        assertThat(api.put("/financing-requests/" + closed + "/interests", Map.of("note", "先了解一下。"))
                        .as(investor)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.put("/financing-requests/" + open + "/interests", Map.of("note", "愿意参股扩建。"))
                        .as(investor)
                        .send()
                        .status())
                .isEqualTo(200);
        api.post("/financing-requests/" + closed + "/withdrawal", null)
                .header("If-Match", "*")
                .as(token("enterprise"))
                .send();

        Response first = api.get("/interests?limit=1").as(investor).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode newest = first.json().at("/items/0");
        assertThat(newest.get("financingRequestId").asString()).isEqualTo(open);
        assertThat(newest.get("note").asString()).isEqualTo("愿意参股扩建。");
        assertThat(newest.at("/request/title").asString()).startsWith("仍在对接的引资项目");
        assertThat(newest.at("/request/organizationName").asString()).isNotBlank();
        assertThat(newest.at("/request/amountFen").asLong()).isEqualTo(300_000_000L);
        assertThat(newest.at("/request/status").asString()).isEqualTo("open");

        Response second = api.get("/interests?limit=1&cursor="
                        + first.json().get("nextCursor").asString())
                .as(investor)
                .send();
        JsonNode older = second.json().at("/items/0");
        assertThat(older.get("financingRequestId").asString()).isEqualTo(closed);
        assertThat(older.get("note").asString()).isEqualTo("先了解一下。");
        // withdrawn: the investor may not read the request any more, and the list tells no more than that
        assertThat(api.get("/financing-requests/" + closed).as(investor).send().status())
                .isEqualTo(404);
        assertThat(older.has("request")).isFalse();
        assertThat(second.body()).doesNotContain(closedTitle).doesNotContain("withdrawn");

        // another investor's list has neither; other roles have no list of interests
        assertThat(api.get("/interests?limit=100")
                        .as(token("investor-b"))
                        .send()
                        .body())
                .doesNotContain(open)
                .doesNotContain(closed);
        assertThat(api.get("/interests").as(token("enterprise")).send().status())
                .isEqualTo(403);
        assertThat(api.get("/interests").as(token("bank-a")).send().status()).isEqualTo(403);
    }

    @Test
    void givenBadOffers_whenCreating_then400NamingTheField() {
        Map<String, Object> reversed = investmentOffer("区间颠倒");
        reversed.put("ticketMinFen", 900_000_000L);
        Response response =
                api.post("/investment-offers", reversed).as(token("investor")).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("ticketMinFen");

        Map<String, Object> badKind = investmentOffer("未知类型");
        badKind.put("kind", "crypto");
        assertThat(api.post("/investment-offers", badKind)
                        .as(token("investor"))
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void givenAWithdrawnRequest_whenExpressingInterest_thenClosed() {
        String requestId = openRequest();
        api.post("/financing-requests/" + requestId + "/withdrawal", null)
                .as(token("enterprise"))
                .send();

        Response response = api.put("/financing-requests/" + requestId + "/interests", Map.of())
                .as(token("investor"))
                .send();

        assertThat(response.status()).isEqualTo(409);
    }

    private String openRequest() {
        return openRequest("扩建项目引资 " + uniqueWord());
    }

    private String openRequest(String title) {
        return publishedRequest(title, 14);
    }
}
