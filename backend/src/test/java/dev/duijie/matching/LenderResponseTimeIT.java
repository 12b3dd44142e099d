package dev.duijie.matching;

import static dev.duijie.support.Requests.financingDraft;
import static dev.duijie.support.Requests.loanProduct;
import static dev.duijie.support.Requests.publication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.duijie.organization.CreditCode;
import dev.duijie.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The lender's response-time record ranks its products: the same product from a quicker bank ranks higher. */
class LenderResponseTimeIT extends IntegrationTest {

    @Test
    void givenBankAQuickAndBankBSlow_whenMatchingTwinProducts_thenBankAsRanksHigherByExactlyTheirResponseFactors()
            throws Exception {
        // more history than every other test together gives these banks, so the medians are these times
        history(BANK_A_ORG, 301, Duration.ofHours(2));
        history(BANK_B_ORG, 301, Duration.ofHours(72));
        // a word only these two products and the request share puts both at the top, whatever else is indexed
        String word = uniqueWord();
        String fromA = activeProduct("bank-a", "腊肉贷 " + word);
        String fromB = activeProduct("bank-b", "腊肉贷 " + word);
        String enterprise = token("enterprise");
        Map<String, Object> draft = financingDraft("老腊肉熏制车间扩建 " + word);
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

        List<JsonNode> matches = eventually(requestId, fromA, fromB);
        List<String> ids =
                matches.stream().map(m -> m.at("/loanProduct/id").asString()).toList();
        assertThat(ids).contains(fromA, fromB);
        assertThat(ids.indexOf(fromA)).isLessThan(ids.indexOf(fromB));

        JsonNode a = matches.get(ids.indexOf(fromA));
        JsonNode b = matches.get(ids.indexOf(fromB));
        double expectedA = Math.pow(0.5, Math.pow(median(BANK_A_ORG) / 24, 2));
        double expectedB = Math.pow(0.5, Math.pow(median(BANK_B_ORG) / 24, 2));
        assertThat(responseFactor(a)).isCloseTo(expectedA, offset(0.001));
        assertThat(responseFactor(b)).isCloseTo(Math.max(1e-6, expectedB), offset(0.001));
        // twins in every other respect: the scores differ by the response factors alone
        assertThat(a.get("score").asDouble() - b.get("score").asDouble())
                .isCloseTo(responseFactor(a) - responseFactor(b), offset(0.001));
        assertThat(factor(a, "response-time").get("explanation").asString())
                .isEqualTo("该银行近180天响应需求的中位时间为" + hours(median(BANK_A_ORG)) + "小时");
    }

    /** Requests of a throwaway firm that matched the bank, answered after {@code after}, all closed. */
    private void history(UUID bank, int count, Duration after) {
        UUID firm = UUID.randomUUID();
        jdbc.sql("""
                insert into organization (id, type, name, credit_code, region, tier, verified_at, verified_by, created_at,
                    created_by)
                values (:id, 'enterprise', :name, :code, 'donghe', 'small', now(), 'test', now(), 'test')""")
                .param("id", firm)
                .param("name", "历史企业 " + uniqueWord())
                .param(
                        "code",
                        CreditCode.completing("92"
                                        + String.format(
                                                "%015d",
                                                ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L)))
                                .value())
                .update();
        Instant opened = Instant.now().minus(30, ChronoUnit.DAYS);
        for (int i = 0; i < count; i++) {
            UUID request = UUID.randomUUID();
            jdbc.sql("""
                    insert into financing_request (id, organization_id, status, title, purpose, amount_fen, term_months,
                        industry, region, collateral_offered, guarantee_wanted, max_annual_rate_bp, bid_deadline,
                        published_at, closed_at, created_at, updated_at, created_by)
                    values (:id, :firm, 'expired', '历史需求', '历史需求', 100000000, 12, 'cured-pork', 'donghe', '{}',
                        false, 600, :closed, :opened, :closed, :opened, :closed, 'test')""")
                    .param("id", request)
                    .param("firm", firm)
                    .param("opened", Timestamp.from(opened))
                    .param("closed", Timestamp.from(opened.plus(14, ChronoUnit.DAYS)))
                    .update();
            jdbc.sql("""
                    insert into bank_response (bank_organization_id, financing_request_id, opened_at, responded_at, response)
                    values (:bank, :request, :opened, :responded, 'passed')""")
                    .param("bank", bank)
                    .param("request", request)
                    .param("opened", Timestamp.from(opened))
                    .param("responded", Timestamp.from(opened.plus(after)))
                    .update();
        }
    }

    /** The bank's median in hours, computed here from the rows (not by the server's query). */
    private double median(UUID bank) {
        List<Double> hours = new ArrayList<>(
                jdbc.sql("""
                select extract(epoch from coalesce(response.responded_at, request.closed_at, request.withdrawn_at)
                    - response.opened_at) / 3600.0
                from bank_response response join financing_request request on request.id = response.financing_request_id
                where response.bank_organization_id = :bank and response.matched
                  and response.opened_at > now() - interval '180 days'
                  and coalesce(response.responded_at, request.closed_at, request.withdrawn_at) is not null""").param("bank", bank).query(Double.class).list());
        hours.sort(null);
        int n = hours.size();
        return n % 2 == 1 ? hours.get(n / 2) : (hours.get(n / 2 - 1) + hours.get(n / 2)) / 2;
    }

    private static String hours(double hours) {
        return java.math.BigDecimal.valueOf(hours)
                .setScale(1, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static JsonNode factor(JsonNode match, String code) {
        for (JsonNode factor : match.get("why")) {
            if (factor.get("factor").asString().equals(code)) {
                return factor;
            }
        }
        throw new AssertionError("no " + code + " in " + match.get("why"));
    }

    private static double responseFactor(JsonNode match) {
        return factor(match, "response-time").get("contribution").asDouble();
    }

    private String activeProduct(String bank, String name) {
        return activeOffer("/loan-products", loanProduct(name), bank);
    }

    private List<JsonNode> eventually(String requestId, String... wanted) {
        return LoanProductMatches.eventually(
                api, token("enterprise"), requestId, ids -> ids.containsAll(List.of(wanted)));
    }
}
