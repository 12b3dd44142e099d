package dev.duijie.bidding;

import static dev.duijie.support.Requests.bid;
import static dev.duijie.support.Requests.financingDraft;
import static dev.duijie.support.Requests.guaranteeProduct;
import static dev.duijie.support.Requests.split;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A guarantor's own offer on a request that wants a guarantee: sealed, accepted by the requesting
 * enterprise, then binding for banks that bid with that guarantor and product; declined when the request
 * closes.
 */
class GuaranteeOfferIT extends IntegrationTest {

    @Test
    void givenAGuaranteeOffer_whenTheFirmAcceptsIt_thenItIsSealedAndABankBiddingWithItHasTheGuaranteeConfirmed() {
        String productId = activeGuaranteeProduct(); // covers 80 %
        String requestId = openRequest(true);
        String path = "/financing-requests/" + requestId + "/guarantee-offers";

        Map<String, Object> body = offer(productId, 7000);
        Response submitted = api.post(path, body)
                .as(token("guarantor"))
                .header("Idempotency-Key", "offer-" + requestId)
                .send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String offerId = submitted.json().get("id").asString();
        assertThat(submitted.header("Location")).contains("/guarantee-offers/" + offerId);
        assertThat(submitted.json().get("status").asString()).isEqualTo("submitted");
        // a retry with the same key is the same offer; another offer by the same guarantor is a duplicate
        assertThat(api.post(path, body)
                        .as(token("guarantor"))
                        .header("Idempotency-Key", "offer-" + requestId)
                        .send()
                        .json()
                        .get("id")
                        .asString())
                .isEqualTo(offerId);
        assertThat(api.post(path, offer(productId, 6000))
                        .as(token("guarantor"))
                        .send()
                        .status())
                .isEqualTo(409);

        // sealed: the firm and the guarantor see it, nobody else
        assertThat(api.get(path)
                        .as(token("enterprise"))
                        .send()
                        .json()
                        .get("items")
                        .findValuesAsString("id"))
                .containsExactly(offerId);
        assertThat(api.get(path)
                        .as(token("guarantor"))
                        .send()
                        .json()
                        .get("items")
                        .findValuesAsString("id"))
                .containsExactly(offerId);
        assertThat(api.get("/guarantee-offers")
                        .as(token("guarantor"))
                        .send()
                        .json()
                        .get("items")
                        .findValuesAsString("id"))
                .contains(offerId);
        assertThat(api.get(path).as(token("newfirm")).send().status()).isEqualTo(404);
        for (String outsider : List.of("bank-a", "investor", "regulator", "talent")) {
            assertThat(api.get(path).as(token(outsider)).send().status())
                    .as(outsider)
                    .isEqualTo(403);
            assertThat(api.get("/guarantee-offers/" + offerId)
                            .as(token(outsider))
                            .send()
                            .status())
                    .as(outsider)
                    .isEqualTo(404);
        }

        String rivalOffer = rivalGuarantorOffers(requestId);
        Response accepted = api.post("/guarantee-offers/" + offerId + "/acceptance", null)
                .as(token("enterprise"))
                .send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("accepted");
        assertThat(api.get("/guarantee-offers/" + rivalOffer)
                        .as(token("enterprise"))
                        .send()
                        .json()
                        .get("status")
                        .asString())
                .as("the other guarantor's open offer")
                .isEqualTo("declined");
        assertThat(api.post("/guarantee-offers/" + offerId + "/acceptance", null)
                        .as(token("enterprise"))
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/guarantee-offers/" + offerId + "/withdrawal", null)
                        .as(token("guarantor"))
                        .send()
                        .status())
                .isEqualTo(409);

        // a bank bidding with the arranged guarantee: confirmed at once, on the offer's coverage and fee
        Map<String, Object> guaranteed = bid(400);
        guaranteed.put(
                "guarantee",
                Map.of("guarantorOrganizationId", GUARANTOR_ORG.toString(), "guaranteeProductId", productId));
        guaranteed.put("riskSplit", split(2000, 8000, 0));
        Response tooMuch = api.post("/financing-requests/" + requestId + "/bids", guaranteed)
                .as(token("bank-a"))
                .send();
        assertThat(tooMuch.status())
                .as("above the offer's 70 %, within the product's 80 %")
                .isEqualTo(400);
        guaranteed.put("riskSplit", split(3000, 7000, 0));
        Response bidResponse = api.post("/financing-requests/" + requestId + "/bids", guaranteed)
                .as(token("bank-a"))
                .send();
        assertThat(bidResponse.status()).as(bidResponse.toString()).isEqualTo(201);
        assertThat(bidResponse.json().get("guarantorDecision").asString()).isEqualTo("confirmed");
        assertThat(bidResponse.json().get("guaranteeCoverageBp").asInt()).isEqualTo(7000);
        assertThat(bidResponse.json().get("guaranteeFeeRateBp").asInt()).isEqualTo(150);
        assertThat(api.post("/bids/" + bidResponse.json().get("id").asString() + "/acceptance", null)
                        .as(token("enterprise"))
                        .send()
                        .status())
                .isEqualTo(200);

        assertThat(jdbc.sql("select action from audit_event where entity_id = :id order by occurred_at")
                        .param("id", UUID.fromString(offerId))
                        .query(String.class)
                        .list())
                .containsExactly("guarantee-offer.submitted", "guarantee-offer.accepted");
    }

    @Test
    void givenBidsNamingTheGuarantor_whenTheOfferIsAcceptedInAnyOrder_thenEveryBidEndsOnTheOffersTermsConfirmed() {
        String productId = activeGuaranteeProduct(); // covers 80 % for 1.00 %; the offers cover 70 % for 1.50 %
        for (String order : List.of("offer, bid, acceptance", "bid, offer, acceptance", "offer, acceptance, bid")) {
            String requestId = openRequest(true);
            String offerId = null;
            String bidId = null;
            String tooMuchForTheOffer = null;
            for (String step : order.split(", ")) {
                switch (step) {
                    case "offer" -> offerId = submittedOffer(requestId, productId, 7000);
                    case "bid" -> {
                        bidId = guaranteedBid(requestId, productId, "bank-a", split(3000, 7000, 0));
                        if (!order.endsWith("bid")) {
                            // within the product's 80 %, above the offer's 70 %: fine until the offer is accepted
                            tooMuchForTheOffer = guaranteedBid(requestId, productId, "bank-b", split(2000, 8000, 0));
                        }
                    }
                    default ->
                        assertThat(api.post("/guarantee-offers/" + offerId + "/acceptance", null)
                                        .as(token("enterprise"))
                                        .send()
                                        .status())
                                .isEqualTo(200);
                }
            }

            Response bid = api.get("/bids/" + bidId).as(token("bank-a")).send();
            assertThat(bid.json().get("guarantorDecision").asString()).as(order).isEqualTo("confirmed");
            assertThat(bid.json().get("guaranteeCoverageBp").asInt()).as(order).isEqualTo(7000);
            assertThat(bid.json().get("guaranteeFeeRateBp").asInt()).as(order).isEqualTo(150);
            Response comparison = api.get("/financing-requests/" + requestId + "/bid-comparison")
                    .as(token("enterprise"))
                    .send();
            var row = rowOf(comparison, bidId);
            assertThat(row.get("eligible").asBoolean()).as(order + ": " + row).isTrue();
            // 3,000,000 yuan × the guaranteed 70 % × 1.50 % = 31,500 yuan a year
            assertThat(row.get("annualGuaranteeFeeFen").asLong()).as(order).isEqualTo(3_150_000L);
            if (tooMuchForTheOffer != null) {
                var refused = rowOf(comparison, tooMuchForTheOffer);
                assertThat(refused.get("bid").get("guarantorDecision").asString())
                        .as(order)
                        .isEqualTo("declined");
                assertThat(refused.get("ineligibleBecause").asString())
                        .as(order)
                        .isEqualTo("guarantor_declined");
            }
            assertThat(api.post("/bids/" + bidId + "/acceptance", null)
                            .as(token("enterprise"))
                            .send()
                            .status())
                    .as(order)
                    .isEqualTo(200);
        }
    }

    @Test
    void givenInvalidOffers_whenSubmitting_thenRefusedNamingWhyAndNothingStored() {
        String productId = activeGuaranteeProduct();
        String requestId = openRequest(true);
        String path = "/financing-requests/" + requestId + "/guarantee-offers";

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("coverageRatioBp", "above the product's coverage");
        fields.put("guaranteeProductId", "not the guarantor's product");
        fields.put("validUntil", "in the past");
        for (var field : fields.entrySet()) {
            Map<String, Object> body = offer(productId, 7000);
            switch (field.getKey()) {
                case "coverageRatioBp" -> body.put("coverageRatioBp", 9000);
                case "guaranteeProductId" ->
                    body.put("guaranteeProductId", UUID.randomUUID().toString());
                default ->
                    body.put(
                            "validUntil",
                            Instant.now().minus(1, ChronoUnit.HOURS).toString());
            }
            Response refused = api.post(path, body).as(token("guarantor")).send();
            assertThat(refused.status()).as(field.getValue() + ": " + refused).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsString("field")).contains(field.getKey());
        }
        assertThat(api.post(path, offer(productId, 7000))
                        .as(token("bank-a"))
                        .send()
                        .status())
                .isEqualTo(403);
        String noGuaranteeWanted = openRequest(false);
        assertThat(api.post("/financing-requests/" + noGuaranteeWanted + "/guarantee-offers", offer(productId, 7000))
                        .as(token("guarantor"))
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from guarantee_offer where financing_request_id in (:ids)")
                        .param("ids", List.of(UUID.fromString(requestId), UUID.fromString(noGuaranteeWanted)))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void givenAnOpenOffer_whenTheRequestIsWithdrawn_thenTheOfferIsDeclined() {
        String requestId = openRequest(true);
        String offerId = api.post(
                        "/financing-requests/" + requestId + "/guarantee-offers", offer(activeGuaranteeProduct(), 5000))
                .as(token("guarantor"))
                .send()
                .json()
                .get("id")
                .asString();

        assertThat(api.post("/financing-requests/" + requestId + "/withdrawal", null)
                        .as(token("enterprise"))
                        .send()
                        .status())
                .isEqualTo(200);

        assertThat(api.get("/guarantee-offers/" + offerId)
                        .as(token("guarantor"))
                        .send()
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("declined");
        assertThat(api.post("/guarantee-offers/" + offerId + "/acceptance", null)
                        .as(token("enterprise"))
                        .send()
                        .status())
                .isEqualTo(409);
    }

    private String submittedOffer(String requestId, String productId, int coverageBp) {
        Response offered = api.post(
                        "/financing-requests/" + requestId + "/guarantee-offers", offer(productId, coverageBp))
                .as(token("guarantor"))
                .send();
        assertThat(offered.status()).as(offered.toString()).isEqualTo(201);
        return offered.json().get("id").asString();
    }

    private String guaranteedBid(String requestId, String productId, String bank, Map<String, Object> riskSplit) {
        Map<String, Object> body = bid(400);
        body.put(
                "guarantee",
                Map.of("guarantorOrganizationId", GUARANTOR_ORG.toString(), "guaranteeProductId", productId));
        body.put("riskSplit", riskSplit);
        Response submitted = api.post("/financing-requests/" + requestId + "/bids", body)
                .as(token(bank))
                .send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.json().get("id").asString();
    }

    private static tools.jackson.databind.JsonNode rowOf(Response comparison, String bidId) {
        for (var row : comparison.json().get("items")) {
            if (row.get("bid").get("id").asString().equals(bidId)) {
                return row;
            }
        }
        throw new AssertionError("bid " + bidId + " is not in the comparison " + comparison);
    }

    /** Another verified guarantee company (guarantor-b) with an open offer on the request. */
    private String rivalGuarantorOffers(String requestId) {
        String product = activeOffer("/guarantee-products", guaranteeProduct("另一款担保 " + uniqueWord()), "guarantor-b");
        Response offered = api.post("/financing-requests/" + requestId + "/guarantee-offers", offer(product, 6000))
                .as(token("guarantor-b"))
                .send();
        assertThat(offered.status()).as(offered.toString()).isEqualTo(201);
        return offered.json().get("id").asString();
    }

    private Map<String, Object> offer(String productId, int coverageBp) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("guaranteeProductId", productId);
        offer.put("coverageRatioBp", coverageBp);
        offer.put("annualFeeRateBp", 150);
        offer.put("conditions", "需提供房产反担保");
        offer.put("validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        return offer;
    }

    private String activeGuaranteeProduct() {
        return activeOffer("/guarantee-products", guaranteeProduct("自营担保 " + uniqueWord()), "guarantor");
    }

    private String openRequest(boolean guaranteeWanted) {
        Map<String, Object> draft = financingDraft("担保报价 " + uniqueWord());
        draft.put("guaranteeWanted", guaranteeWanted);
        return publishedRequest(draft, 14);
    }
}
