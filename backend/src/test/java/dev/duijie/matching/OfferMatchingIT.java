package dev.duijie.matching;

import static dev.duijie.support.Requests.financingDraft;
import static dev.duijie.support.Requests.guaranteeProduct;
import static dev.duijie.support.Requests.publication;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.Eventually;
import dev.duijie.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Request → guarantee products and investment offers, and the guarantor's and investor's inboxes: eligible only,
 * best first, with why.
 */
class OfferMatchingIT extends IntegrationTest {

    @Test
    void givenGuaranteeProducts_whenARequestWantsAGuarantee_thenEligibleOnesCheapestFirst() throws Exception {
        String cheap = activate("/guarantee-products", "guarantor", guarantee(p -> p.put("annualFeeRateBp", 50)));
        String dear = activate("/guarantee-products", "guarantor", guarantee(p -> p.put("annualFeeRateBp", 300)));
        String tooSmall =
                activate("/guarantee-products", "guarantor", guarantee(p -> p.put("maxAmountFen", 100_000_000L)));
        String otherIndustry = activate(
                "/guarantee-products", "guarantor", guarantee(p -> p.put("industries", List.of("new-materials"))));
        String wanting = publish(financingDraft("需要担保的贷款"));
        Map<String, Object> noGuarantee = financingDraft("不需要担保");
        noGuarantee.put("guaranteeWanted", false);
        String notWanting = publish(noGuarantee);

        List<JsonNode> matches = eventually(
                "/financing-requests/" + wanting + "/matches/guarantee-products",
                "guaranteeProduct",
                ids -> ids.contains(cheap) && ids.contains(dear));
        List<String> ids = ids(matches, "guaranteeProduct");

        assertThat(ids).contains(cheap, dear).doesNotContain(tooSmall, otherIndustry);
        assertThat(ids.indexOf(cheap)).isLessThan(ids.indexOf(dear));
        assertThat(matches.get(ids.indexOf(cheap)).get("why").findValuesAsString("explanation"))
                .contains("担保费率每年0.50%");
        for (JsonNode match : matches) {
            assertThat(match.at("/guaranteeProduct/maxAmountFen").asLong()).isGreaterThanOrEqualTo(300_000_000L);
        }
        Response none = api.get("/financing-requests/" + notWanting + "/matches/guarantee-products")
                .as(token("enterprise"))
                .send();
        assertThat(none.json().get("items").size()).isZero();
    }

    @Test
    void givenInvestmentOffers_whenMatchingARequest_thenOnlyTicketsThatFitClosestFirst() throws Exception {
        String close = activate("/investment-offers", "investor", investment(200_000_000L, 400_000_000L));
        String wide = activate("/investment-offers", "investor", investment(100_000_000L, 5_000_000_000L));
        String tooSmall = activate("/investment-offers", "investor", investment(10_000_000L, 100_000_000L));
        String request = publish(financingDraft("乡贤投资项目"));

        List<JsonNode> matches = eventually(
                "/financing-requests/" + request + "/matches/investment-offers",
                "investmentOffer",
                ids -> ids.contains(close) && ids.contains(wide));
        List<String> ids = ids(matches, "investmentOffer");

        assertThat(ids).contains(close, wide).doesNotContain(tooSmall);
        assertThat(ids.indexOf(close)).isLessThan(ids.indexOf(wide));
        assertThat(matches.get(ids.indexOf(close)).get("why").findValuesAsString("explanation"))
                .contains("金额300万元在投资额度200万–400万元内");
    }

    @Test
    void givenAGuaranteeProduct_whenTheGuarantorOpensItsInbox_thenOnlyRequestsWantingAGuaranteeItCanGive()
            throws Exception {
        // amounts no other test uses (4321万 is half the limit: the sweet spot), so other tests' requests rank below
        String product = activate("/guarantee-products", "guarantor", guarantee(p -> {
            p.put("maxAmountFen", 8_642_000_000L);
            p.put("industries", List.of("cured-pork"));
        }));
        String fits = publish(amounted(4_321_000_000L, "cured-pork", true));
        String noGuarantee = publish(amounted(4_321_000_000L, "cured-pork", false));
        String tooBig = publish(amounted(9_000_000_000L, "cured-pork", true));
        String otherIndustry = publish(amounted(4_321_000_000L, "lacquer-craft", true));
        String inbox = "/guarantee-products/" + product + "/matches/financing-requests";

        List<JsonNode> matches = eventually(inbox, "guarantor", "financingRequest", ids -> ids.contains(fits));
        List<String> ids = ids(matches, "financingRequest");

        assertThat(ids).contains(fits).doesNotContain(noGuarantee, tooBig, otherIndustry);
        assertThat(ids.getFirst()).isEqualTo(fits);
        assertThat(matches.getFirst().get("why").findValuesAsString("explanation"))
                .contains("金额4321万元在担保上限8642万元内");
        for (JsonNode match : matches) {
            assertThat(match.at("/financingRequest/guaranteeWanted").asBoolean())
                    .isTrue();
            assertThat(match.at("/financingRequest/amountFen").asLong()).isLessThanOrEqualTo(8_642_000_000L);
        }
        assertThat(api.get(inbox).as(token("bank-a")).send().status()).isEqualTo(403);
        assertThat(api.get(inbox).as(token("enterprise")).send().status()).isEqualTo(403);
        assertThat(api.get("/guarantee-products/" + java.util.UUID.randomUUID() + "/matches/financing-requests")
                        .as(token("guarantor"))
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void givenAnInvestmentOffer_whenTheInvestorOpensItsInbox_thenRequestsInTheTicketClosestToItsMiddleFirst()
            throws Exception {
        String offer = activate("/investment-offers", "investor", investment(4_000_000_000L, 4_642_000_000L));
        String middle = publish(amounted(4_321_000_000L, "cured-pork", false));
        String edge = publish(amounted(4_600_000_000L, "cured-pork", false));
        String outside = publish(amounted(5_000_000_000L, "cured-pork", false));
        String otherIndustry = publish(amounted(4_321_000_000L, "lacquer-craft", false));
        String inbox = "/investment-offers/" + offer + "/matches/financing-requests";

        List<JsonNode> matches =
                eventually(inbox, "investor", "financingRequest", ids -> ids.contains(middle) && ids.contains(edge));
        List<String> ids = ids(matches, "financingRequest");

        assertThat(ids).contains(middle, edge).doesNotContain(outside, otherIndustry);
        assertThat(ids.indexOf(middle)).isLessThan(ids.indexOf(edge));
        assertThat(matches.get(ids.indexOf(middle)).get("why").findValuesAsString("explanation"))
                .contains("金额4321万元在投资额度4000万–4642万元内");
        for (JsonNode match : matches) {
            assertThat(match.at("/financingRequest/amountFen").asLong()).isBetween(4_000_000_000L, 4_642_000_000L);
        }
        assertThat(api.get(inbox).as(token("guarantor")).send().status()).isEqualTo(403);
        assertThat(api.get("/guarantee-products/" + offer + "/matches/financing-requests")
                        .as(token("guarantor"))
                        .send()
                        .status())
                .isEqualTo(404);
    }

    private static Map<String, Object> amounted(long amountFen, String industry, boolean guaranteeWanted) {
        Map<String, Object> draft = financingDraft("收件箱 " + uniqueWord());
        draft.put("amountFen", amountFen);
        draft.put("industry", industry);
        draft.put("guaranteeWanted", guaranteeWanted);
        return draft;
    }

    private String activate(String path, String user, Map<String, Object> body) {
        Response created = api.post(path, body).as(token(user)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post(path + "/" + id + "/status", Map.of("status", "active"))
                        .as(token(user))
                        .send()
                        .status())
                .isEqualTo(200);
        return id;
    }

    private String publish(Map<String, Object> draft) {
        String enterprise = token("enterprise");
        String id = api.post("/financing-requests", draft)
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();
        assertThat(api.post("/financing-requests/" + id + "/publish", publication(14))
                        .as(enterprise)
                        .send()
                        .status())
                .isEqualTo(200);
        return id;
    }

    private static Map<String, Object> guarantee(Consumer<Map<String, Object>> adjust) {
        Map<String, Object> product = guaranteeProduct("匹配担保 " + uniqueWord());
        adjust.accept(product);
        return product;
    }

    private static Map<String, Object> investment(long min, long max) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("name", "乡贤基金 " + uniqueWord());
        offer.put("kind", "equity");
        offer.put("ticketMinFen", min);
        offer.put("ticketMaxFen", max);
        offer.put("industries", List.of("cured-pork"));
        offer.put("stages", List.of());
        return offer;
    }

    private static List<String> ids(List<JsonNode> matches, String field) {
        return matches.stream().map(m -> m.at("/" + field + "/id").asString()).toList();
    }

    private List<JsonNode> eventually(String path, String field, java.util.function.Predicate<List<String>> done) {
        return eventually(path, "enterprise", field, done);
    }

    private List<JsonNode> eventually(
            String path, String user, String field, java.util.function.Predicate<List<String>> done) {
        return Eventually.until(
                "the matches at " + path,
                () -> {
                    Response response = api.get(path + "?limit=50")
                            .as(token(user))
                            .header("Accept-Language", "zh-CN")
                            .send();
                    assertThat(response.status()).as(response.toString()).isEqualTo(200);
                    List<JsonNode> matches = new ArrayList<>();
                    response.json().get("items").forEach(matches::add);
                    return matches;
                },
                matches -> done.test(ids(matches, field)));
    }
}
