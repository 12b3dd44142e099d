package dev.duijie.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards' figures equal a direct count over the records: every row is recomputed here in Java from
 * the raw rows (one request, need, bid or application at a time), not with the service's SQL.
 */
class DashboardIT extends IntegrationTest {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    private record Key(String month, String industry, String region) {}

    @Test
    void givenTheMarketplaceRecords_whenTheFinancingDashboardIsRead_thenEveryRowEqualsADirectCount() {
        YearMonth now = YearMonth.now(COUNTY);
        Response response = api.get(
                        "/dashboards/financing?fromMonth=" + now.minusMonths(1) + "&toMonth=" + now.plusMonths(1))
                .as(token("regulator"))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);

        Map<Key, long[]> expected = new HashMap<>(); // requests, requested, awarded, awardedFen, bids, withBid
        Map<Key, List<Double>> answers = new HashMap<>();
        long[] total = new long[6];
        Instant start = now.minusMonths(1).atDay(1).atStartOfDay(COUNTY).toInstant();
        Instant end = now.plusMonths(2).atDay(1).atStartOfDay(COUNTY).toInstant();
        for (Map<String, Object> request : jdbc.sql("""
                select id, published_at, industry, region, amount_fen, status, awarded_bid_id
                from financing_request where published_at is not null""").query().listOfRows()) {
            Instant published = ((java.sql.Timestamp) request.get("published_at")).toInstant();
            if (published.isBefore(start) || !published.isBefore(end)) {
                continue;
            }
            Key key = new Key(
                    YearMonth.from(published.atZone(COUNTY)).toString(), (String) request.get("industry"), (String)
                            request.get("region"));
            List<Map<String, Object>> bids = jdbc.sql("select id, amount_fen from bid where financing_request_id = :id")
                    .param("id", request.get("id"))
                    .query()
                    .listOfRows();
            long awardedFen = bids.stream()
                    .filter(bid -> bid.get("id").equals(request.get("awarded_bid_id")))
                    .mapToLong(bid -> ((Number) bid.get("amount_fen")).longValue())
                    .sum();
            long[] add = {
                1,
                ((Number) request.get("amount_fen")).longValue(),
                "awarded".equals(request.get("status")) ? 1 : 0,
                awardedFen,
                bids.size(),
                bids.isEmpty() ? 0 : 1
            };
            long[] row = expected.computeIfAbsent(key, k -> new long[6]);
            for (int i = 0; i < 6; i++) {
                row[i] += add[i];
                total[i] += add[i];
            }
            for (Map<String, Object> answer :
                    jdbc.sql("""
                    select opened_at, responded_at from bank_response
                    where financing_request_id = :id and matched and responded_at is not null""").param("id", request.get("id")).query().listOfRows()) {
                answers.computeIfAbsent(key, k -> new ArrayList<>()).add(seconds(answer));
            }
        }

        JsonNode dashboard = response.json();
        assertThat(dashboard.get("rows")).hasSize(expected.size());
        for (JsonNode row : dashboard.get("rows")) {
            Key key = new Key(
                    row.get("month").asString(),
                    row.get("industry").asString(),
                    row.get("region").asString());
            assertThat(expected).containsKey(key);
            assertFinancing(row.get("figures"), expected.get(key), answers.getOrDefault(key, List.of()));
        }
        assertFinancing(
                dashboard.get("total"),
                total,
                answers.values().stream().flatMap(List::stream).toList());
        assertThat(total[0]).as("the demo requests at least").isPositive();
    }

    @Test
    void givenTheTalentRecords_whenTheTalentDashboardIsRead_thenEveryRowEqualsADirectCount() {
        YearMonth now = YearMonth.now(COUNTY);
        Response response = api.get("/dashboards/talent?fromMonth=" + now.minusMonths(1) + "&toMonth=" + now)
                .as(token("bureau"))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);

        Map<Key, long[]> expected = new HashMap<>(); // needs, places, applications, hires, referral hires
        long[] total = new long[5];
        Instant start = now.minusMonths(1).atDay(1).atStartOfDay(COUNTY).toInstant();
        Instant end = now.plusMonths(1).atDay(1).atStartOfDay(COUNTY).toInstant();
        for (Map<String, Object> need : jdbc.sql("select id, published_at, industry, region, headcount from talent_need"
                        + " where published_at is not null")
                .query()
                .listOfRows()) {
            Instant published = ((java.sql.Timestamp) need.get("published_at")).toInstant();
            if (published.isBefore(start) || !published.isBefore(end)) {
                continue;
            }
            Key key =
                    new Key(YearMonth.from(published.atZone(COUNTY)).toString(), (String) need.get("industry"), (String)
                            need.get("region"));
            List<Map<String, Object>> applications = jdbc.sql(
                            "select status, referrer_profile_id from talent_application where need_id = :id")
                    .param("id", need.get("id"))
                    .query()
                    .listOfRows();
            long hires = applications.stream()
                    .filter(a -> "hired".equals(a.get("status")))
                    .count();
            long referralHires = applications.stream()
                    .filter(a -> "hired".equals(a.get("status")) && a.get("referrer_profile_id") != null)
                    .count();
            long[] add = {1, ((Number) need.get("headcount")).longValue(), applications.size(), hires, referralHires};
            long[] row = expected.computeIfAbsent(key, k -> new long[5]);
            for (int i = 0; i < 5; i++) {
                row[i] += add[i];
                total[i] += add[i];
            }
        }
        JsonNode dashboard = response.json();
        assertThat(dashboard.get("rows")).hasSize(expected.size());
        String[] fields = {"needs", "places", "applications", "hires", "referralHires"};
        for (JsonNode row : dashboard.get("rows")) {
            long[] counted = expected.get(new Key(
                    row.get("month").asString(),
                    row.get("industry").asString(),
                    row.get("region").asString()));
            assertThat(counted).as(row.toString()).isNotNull();
            for (int i = 0; i < fields.length; i++) {
                assertThat(row.at("/figures/" + fields[i]).asLong())
                        .as(fields[i] + " of " + row)
                        .isEqualTo(counted[i]);
            }
        }
        for (int i = 0; i < fields.length; i++) {
            assertThat(dashboard.at("/total/" + fields[i]).asLong())
                    .as("total " + fields[i])
                    .isEqualTo(total[i]);
        }
        assertThat(total[0]).as("the demo needs at least").isPositive();
        for (JsonNode campaign : dashboard.get("hiresByCampaign")) {
            assertThat(campaign.get("hires").asLong())
                    .isEqualTo(jdbc.sql(
                                    "select count(*) from talent_application where campaign_id = cast(:id as uuid) and status = 'hired'")
                            .param("id", campaign.get("campaignId").asString())
                            .query(Long.class)
                            .single());
        }
    }

    @Test
    void givenOtherRolesOrBadMonths_whenReadingDashboards_thenRefused() {
        assertThat(api.get("/dashboards/financing?fromMonth=2026-01&toMonth=2026-12")
                        .as(token("enterprise"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/dashboards/talent?fromMonth=2026-01&toMonth=2026-12")
                        .as(token("talent"))
                        .send()
                        .status())
                .isEqualTo(403);
        Response backwards = api.get("/dashboards/financing?fromMonth=2026-12&toMonth=2026-01")
                .as(token("regulator"))
                .send();
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").findValuesAsString("field")).contains("toMonth");
        assertThat(api.get("/dashboards/financing?fromMonth=2020-01&toMonth=2026-01")
                        .as(token("regulator"))
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/dashboards/talent?fromMonth=2026-13&toMonth=2027-01")
                        .as(token("bureau"))
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/dashboards/talent?fromMonth=2026-01")
                        .as(token("bureau"))
                        .send()
                        .status())
                .isEqualTo(400);
    }

    private static void assertFinancing(JsonNode figures, long[] counted, List<Double> answerSeconds) {
        assertThat(figures.get("requests").asLong()).isEqualTo(counted[0]);
        assertThat(figures.get("requestedFen").asLong()).isEqualTo(counted[1]);
        assertThat(figures.get("awardedRequests").asLong()).isEqualTo(counted[2]);
        assertThat(figures.get("awardedFen").asLong()).isEqualTo(counted[3]);
        assertThat(figures.get("bids").asLong()).isEqualTo(counted[4]);
        assertThat(figures.get("requestsWithBid").asLong()).isEqualTo(counted[5]);
        assertThat(figures.get("shareWithBidBp").asLong())
                .isEqualTo(counted[0] == 0 ? 0 : counted[5] * 10_000 / counted[0]);
        if (answerSeconds.isEmpty()) {
            assertThat(figures.has("medianResponseSeconds")).isFalse();
        } else {
            List<Double> sorted = answerSeconds.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            assertThat(figures.get("medianResponseSeconds").asLong())
                    .isEqualTo(Duration.ofMillis(Math.round(median * 1000)).toSeconds());
        }
    }

    private static double seconds(Map<String, Object> answer) {
        Instant opened = ((java.sql.Timestamp) answer.get("opened_at")).toInstant();
        Instant responded = ((java.sql.Timestamp) answer.get("responded_at")).toInstant();
        return Duration.between(opened, responded).toNanos() / 1e9;
    }
}
