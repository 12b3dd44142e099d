package dev.duijie.matching;

import static dev.duijie.support.Requests.financingDraft;
import static dev.duijie.support.Requests.loanProduct;
import static dev.duijie.support.Requests.publication;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Request → loan products: eligible only, best fit first, each with why in the caller's language. */
class LoanProductMatchingIT extends IntegrationTest {

    @Test
    void givenProductsThatFitAndProductsThatDoNot_whenMatchingARequest_thenOnlyEligibleOnesBestFirstWithWhy()
            throws Exception {
        String sweetSpot = product(
                "bank-a",
                p -> { // 100万–500万: its middle is exactly the 300万 asked
                    p.put("amountMinFen", 100_000_000L);
                    p.put("amountMaxFen", 500_000_000L);
                    p.put("termMinMonths", 24);
                    p.put("termMaxMonths", 48);
                });
        String farOff = product(
                "bank-b",
                p -> { // fits, but built for much larger loans, longer and dearer
                    p.put("amountMinFen", 50_000_000L);
                    p.put("amountMaxFen", 5_000_000_000L);
                    p.put("termMaxMonths", 120);
                    p.put("rateMinBp", 470);
                    p.put("rateMaxBp", 600);
                });
        List<String> ineligible = List.of(
                product("bank-a", p -> p.put("industries", List.of("lacquer-craft"))),
                product("bank-a", p -> p.put("amountMinFen", 400_000_000L)),
                product("bank-b", p -> p.put("guaranteeRequired", true)),
                product("bank-b", p -> p.put("tiers", List.of("above_designated_size"))),
                product("bank-a", p -> p.put("collateralAccepted", List.of("receivables"))),
                product("bank-b", p -> p.put("rateMinBp", 500)),
                product("bank-a", p -> p.put("regions", List.of("beiba"))),
                product("bank-b", p -> p.put("termMinMonths", 48)));

        String enterprise = token("enterprise");
        Map<String, Object> draft = financingDraft("老腊肉熏制车间扩建");
        draft.put("guaranteeWanted", false);
        String requestId = api.post("/financing-requests", draft)
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();
        api.post("/financing-requests/" + requestId + "/publish", publication(14))
                .as(enterprise)
                .send();

        List<JsonNode> matches = eventually(requestId, ids -> ids.contains(sweetSpot) && ids.contains(farOff));
        List<String> ids =
                matches.stream().map(m -> m.at("/loanProduct/id").asString()).toList();

        assertThat(ids).contains(sweetSpot, farOff).doesNotContainAnyElementsOf(ineligible);
        assertThat(ids.indexOf(sweetSpot)).isLessThan(ids.indexOf(farOff));
        for (JsonNode match : matches) {
            assertEligible(match.get("loanProduct"), draft);
        }
        JsonNode best = matches.get(ids.indexOf(sweetSpot));
        assertThat(best.get("why").findValuesAsString("explanation")).contains("金额300万元在产品区间100万–500万元内");
        assertThat(best.get("why").findValuesAsString("factor"))
                .contains("amount", "term", "rate", "industry", "collateral");

        Response english = api.get("/financing-requests/" + requestId + "/matches/loan-products?limit=50")
                .as(enterprise)
                .header("Accept-Language", "en")
                .send();
        assertThat(english.body())
                .contains("Amount 3,000,000 yuan is within the product's range of 1,000,000–5,000,000 yuan")
                .contains("Serves the request's industry")
                .doesNotContain("''");
    }

    @Test
    void givenProductsForTheWholeCountyOrAParentIndustry_whenATownFirmInASubIndustryAsks_thenTheyMatch()
            throws Exception {
        String wholeCounty = product("bank-a", p -> p.put("regions", List.of("county")));
        String foodProcessing = product("bank-b", p -> p.put("industries", List.of("food-processing")));
        String otherTown = product("bank-a", p -> p.put("regions", List.of("xicha")));
        String enterprise = token("enterprise");
        String requestId = api.post("/financing-requests", financingDraft("东河镇腊肉厂扩产"))
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();
        api.post("/financing-requests/" + requestId + "/publish", publication(14))
                .as(enterprise)
                .send();

        List<String> ids =
                eventually(requestId, found -> found.contains(wholeCounty) && found.contains(foodProcessing)).stream()
                        .map(m -> m.at("/loanProduct/id").asString())
                        .toList();

        assertThat(ids).contains(wholeCounty, foodProcessing).doesNotContain(otherTown);
    }

    @Test
    void givenARequestSharingNoWordsWithTheProducts_whenMatching_thenTheFactorsAddUpToElasticsearchsScore()
            throws Exception {
        String sweetSpot = product("bank-a", p -> {
            p.put("amountMinFen", 100_000_000L);
            p.put("amountMaxFen", 500_000_000L);
            p.put("termMinMonths", 24);
            p.put("termMaxMonths", 48);
        });
        String enterprise = token("enterprise");
        Map<String, Object> draft = financingDraft(uniqueWord() + " " + uniqueWord());
        draft.put("purpose", uniqueWord());
        draft.put("description", "");
        draft.put("guaranteeWanted", false);
        String requestId = api.post("/financing-requests", draft)
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();
        api.post("/financing-requests/" + requestId + "/publish", publication(14))
                .as(enterprise)
                .send();

        List<JsonNode> matches = eventually(requestId, found -> found.contains(sweetSpot));
        JsonNode match = matches.stream()
                .filter(m -> m.at("/loanProduct/id").asString().equals(sweetSpot))
                .findFirst()
                .orElseThrow();

        // no shared words: the score is the decay functions alone, so the explanation must account for all of it
        assertThat(match.get("why").findValuesAsString("factor")).doesNotContain("text");
        double explained = 0;
        for (JsonNode factor : match.get("why")) {
            explained += factor.get("contribution").asDouble();
        }
        assertThat(explained).isCloseTo(match.get("score").asDouble(), org.assertj.core.data.Offset.offset(0.001));
        // amount at the sweet spot (3), term at the middle (2), 3.80 % against 4.80 %: 2 × 0.5^((380/480)²),
        // and the bank's response-time record once it has one (LenderResponseTimeIT checks that part)
        double responseTime = 0;
        for (JsonNode factor : match.get("why")) {
            if (factor.get("factor").asString().equals("response-time")) {
                responseTime = factor.get("contribution").asDouble();
            }
        }
        assertThat(explained - responseTime)
                .isCloseTo(
                        3 + 2 + 2 * Math.pow(0.5, Math.pow(380.0 / 480, 2)),
                        org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void givenSomeoneWhoCannotSeeTheRequest_whenMatching_thenNotFound() {
        String enterprise = token("enterprise");
        String draftId = api.post("/financing-requests", financingDraft("未发布的需求"))
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();

        assertThat(api.get("/financing-requests/" + draftId + "/matches/loan-products")
                        .as(token("bank-a"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/financing-requests/" + draftId + "/matches/loan-products")
                        .as(token("newfirm"))
                        .send()
                        .status())
                .isEqualTo(404);
    }

    private String product(String bank, Consumer<Map<String, Object>> adjust) {
        Map<String, Object> product = loanProduct("腊肉贷 " + uniqueWord());
        product.put("tiers", List.of("small"));
        adjust.accept(product);
        Response created = api.post("/loan-products", product).as(token(bank)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/loan-products/" + id + "/status", Map.of("status", "active"))
                        .as(token(bank))
                        .send()
                        .status())
                .isEqualTo(200);
        return id;
    }

    private List<JsonNode> eventually(String requestId, java.util.function.Predicate<List<String>> done) {
        return LoanProductMatches.eventually(api, token("enterprise"), requestId, done);
    }

    /** The hard rules, checked independently of the server. */
    private static void assertEligible(JsonNode product, Map<String, Object> request) {
        long amount = ((Number) request.get("amountFen")).longValue();
        int term = (Integer) request.get("termMonths");
        assertThat(product.get("amountMinFen").asLong()).isLessThanOrEqualTo(amount);
        assertThat(product.get("amountMaxFen").asLong()).isGreaterThanOrEqualTo(amount);
        assertThat(product.get("termMinMonths").asInt()).isLessThanOrEqualTo(term);
        assertThat(product.get("termMaxMonths").asInt()).isGreaterThanOrEqualTo(term);
        assertThat(product.get("rateMinBp").asInt()).isLessThanOrEqualTo((Integer) request.get("maxAnnualRateBp"));
        // the county covers its towns; food processing covers cured pork
        assertThat(anyOr(product.get("industries"), (String) request.get("industry"), "food-processing"))
                .isTrue();
        assertThat(anyOr(product.get("regions"), (String) request.get("region"), "county"))
                .isTrue();
        assertThat(anyOr(product.get("tiers"), "small")).isTrue();
        assertThat(product.get("guaranteeRequired").asBoolean()).isFalse();
        @SuppressWarnings("unchecked")
        List<String> offered = (List<String>) request.get("collateralOffered");
        JsonNode accepted = product.get("collateralAccepted");
        assertThat(accepted.isEmpty()
                        || offered.stream().anyMatch(c -> accepted.toString().contains("\"" + c + "\"")))
                .isTrue();
    }

    private static boolean anyOr(JsonNode list, String... acceptable) {
        if (list == null || list.isEmpty()) {
            return true;
        }
        for (String value : acceptable) {
            if (list.toString().contains("\"" + value + "\"")) {
                return true;
            }
        }
        return false;
    }
}
