package dev.duijie.bidding;

import static dev.duijie.support.Requests.bid;
import static dev.duijie.support.Requests.guaranteeProduct;
import static dev.duijie.support.Requests.split;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A firm's "what waits for me": its open requests with the bids, guarantee offers and investors' interest on each,
 * counted as the request's own lists count them.
 */
class AnswersOnRequestsIT extends IntegrationTest {

    private static final String ANSWERS = "/financing-request-answers?limit=100";

    @Test
    void givenBidsAnOfferAndAnInterest_whenTheFirmAsks_thenEachIsCountedAsTheRequestsOwnListsCountIt() {
        String answered = publishedRequest("有人回应的需求 " + uniqueWord(), 14);
        String quiet = publishedRequest("暂无回应的需求 " + uniqueWord(), 14);
        String guaranteeProductId =
                activeOffer("/guarantee-products", guaranteeProduct("等您确认的担保 " + uniqueWord()), "guarantor");
        // bank-a's bid needs no guarantor: it can be accepted now; bank-b's waits for the guarantor's confirmation
        submit(answered, "bank-a", bid(420));
        Map<String, Object> guaranteed = bid(400);
        guaranteed.put(
                "guarantee",
                Map.of("guarantorOrganizationId", GUARANTOR_ORG.toString(), "guaranteeProductId", guaranteeProductId));
        guaranteed.put("riskSplit", split(2000, 6000, 2000));
        submit(answered, "bank-b", guaranteed);
        Response offered = api.post(
                        "/financing-requests/" + answered + "/guarantee-offers", guaranteeOffer(guaranteeProductId))
                .as(token("guarantor"))
                .send();
        assertThat(offered.status()).as(offered.toString()).isEqualTo(201);
        Response interest = api.put("/financing-requests/" + answered + "/interests", Map.of("note", "愿意了解项目"))
                .as(token("investor"))
                .send();
        assertThat(interest.status()).as(interest.toString()).isEqualTo(200);
        String draft = draftRequest("草稿 " + uniqueWord());

        Response answers = api.get(ANSWERS).as(token("enterprise")).send();

        assertThat(answers.status()).as(answers.toString()).isEqualTo(200);
        JsonNode onAnswered = itemFor(answers, answered);
        assertThat(onAnswered.get("bids").asInt()).isEqualTo(2);
        assertThat(onAnswered.get("acceptableBids").asInt()).isEqualTo(1);
        assertThat(onAnswered.get("guaranteeOffers").asInt()).isEqualTo(1);
        assertThat(onAnswered.get("interests").asInt()).isEqualTo(1);
        assertThat(onAnswered.at("/financingRequest/status").asString()).isEqualTo("open");
        JsonNode onQuiet = itemFor(answers, quiet);
        assertThat(onQuiet.get("bids").asInt()
                        + onQuiet.get("guaranteeOffers").asInt()
                        + onQuiet.get("interests").asInt())
                .isZero();
        assertThat(answers.json().get("items").findValuesAsString("id")).doesNotContain(draft);
        // the same figures as the request's own lists
        JsonNode comparison = api.get("/financing-requests/" + answered + "/bid-comparison")
                .as(token("enterprise"))
                .send()
                .json();
        assertThat(comparison.get("items").size()).isEqualTo(2);
        assertThat(comparison.get("items").findValues("eligible").stream()
                        .filter(JsonNode::asBoolean)
                        .count())
                .isEqualTo(1);

        // once the guarantor confirms, bank-b's bid can be accepted too
        String guaranteedBid = comparison.get("items").findValues("bid").stream()
                .filter(b -> b.get("bankOrganizationId").asString().equals(BANK_B_ORG.toString()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        Response confirmed = api.post("/bids/" + guaranteedBid + "/guarantor-decision", Map.of("decision", "confirmed"))
                .as(token("guarantor"))
                .send();
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(itemFor(api.get(ANSWERS).as(token("enterprise")).send(), answered)
                        .get("acceptableBids")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void givenAnotherFirmOrAnotherRole_whenItAsks_thenItSeesNoneOfTheFirmsRequests() {
        String answered = publishedRequest("别家看不到的需求 " + uniqueWord(), 14);

        Response newfirm = api.get(ANSWERS).as(token("newfirm")).send();

        assertThat(newfirm.status()).isEqualTo(200);
        assertThat(newfirm.json().get("items").findValuesAsString("id")).doesNotContain(answered);
        assertThat(api.get(ANSWERS).as(token("bank-a")).send().status()).isEqualTo(403);
        assertThat(api.get(ANSWERS).as(token("regulator")).send().status()).isEqualTo(403);
    }

    private void submit(String requestId, String bank, Map<String, Object> body) {
        Response submitted = api.post("/financing-requests/" + requestId + "/bids", body)
                .as(token(bank))
                .send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    }

    private static Map<String, Object> guaranteeOffer(String productId) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("guaranteeProductId", productId);
        offer.put("coverageRatioBp", 7000);
        offer.put("annualFeeRateBp", 150);
        offer.put("conditions", "需提供房产反担保");
        offer.put("validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        return offer;
    }

    private static JsonNode itemFor(Response answers, String requestId) {
        for (JsonNode item : answers.json().get("items")) {
            if (item.at("/financingRequest/id").asString().equals(requestId)) {
                return item;
            }
        }
        throw new AssertionError("request " + requestId + " is not among the answers " + answers);
    }
}
