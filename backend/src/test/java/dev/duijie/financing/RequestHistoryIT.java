package dev.duijie.financing;

import static dev.duijie.support.Requests.bid;
import static dev.duijie.support.Requests.financingDraft;
import static dev.duijie.support.Requests.guaranteeProduct;
import static dev.duijie.support.Requests.publication;
import static dev.duijie.support.Requests.split;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.Eventually;
import dev.duijie.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A request's history as the requesting firm and the regulator read it: every change to the request, its bids,
 * guarantee offers and investors' interest, with who did it, and nothing the firm could not read anyway.
 */
class RequestHistoryIT extends IntegrationTest {

    private static final String BANK_A = "县农村商业银行";
    private static final String BANK_B = "秦巴村镇银行";
    private static final String GUARANTOR = "县融资担保有限公司";
    private static final String INVESTOR = "在外乡贤投资联合会";
    private static final String FIRM = "大木漆器工艺有限公司";

    @Test
    void givenARequestWorkedByEveryone_whenTheFirmReadsItsHistory_thenEveryStepIsThereWithWhoDidItInOrder() {
        String productId = activeOffer("/guarantee-products", guaranteeProduct("历史担保 " + uniqueWord()), "guarantor");
        String requestId = created();
        String path = "/financing-requests/" + requestId;
        expect(
                api.put(path, financingDraft("改过标题的需求 " + uniqueWord()))
                        .as(token("enterprise"))
                        .header("If-Match", "*")
                        .send(),
                200);
        expect(
                api.post(path + "/publish", publication(14))
                        .as(token("enterprise"))
                        .send(),
                200);

        Map<String, Object> guaranteed = bid(420);
        guaranteed.put("conditions", "secret-conditions-" + uniqueWord());
        guaranteed.put(
                "guarantee",
                Map.of("guarantorOrganizationId", GUARANTOR_ORG.toString(), "guaranteeProductId", productId));
        guaranteed.put("riskSplit", split(5000, 5000, 0));
        String bankABid = id(
                expect(api.post(path + "/bids", guaranteed).as(token("bank-a")).send(), 201));
        expect(
                api.post("/bids/" + bankABid + "/guarantor-decision", Map.of("decision", "confirmed"))
                        .as(token("guarantor"))
                        .send(),
                200);
        Map<String, Object> plain = bid(450);
        plain.put("riskSplit", split(10000, 0, 0));
        String bankBBid =
                id(expect(api.post(path + "/bids", plain).as(token("bank-b")).send(), 201));
        expect(
                api.post("/bids/" + bankBBid + "/withdrawal", null)
                        .as(token("bank-b"))
                        .send(),
                200);
        expect(api.post(path + "/pass", null).as(token("bank-b")).send(), 200);
        String offerId = id(expect(
                api.post(path + "/guarantee-offers", offer(productId))
                        .as(token("guarantor"))
                        .send(),
                201));
        String note = "secret-note-" + uniqueWord();
        expect(
                api.put(path + "/interests", Map.of("note", note))
                        .as(token("investor"))
                        .send(),
                200);
        expect(
                api.post("/guarantee-offers/" + offerId + "/acceptance", null)
                        .as(token("enterprise"))
                        .send(),
                200);
        expect(
                api.post("/bids/" + bankABid + "/acceptance", null)
                        .as(token("enterprise"))
                        .send(),
                200);

        Response read = api.get(path + "/history").as(token("enterprise")).send();

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        List<JsonNode> oldestFirst = items(read).reversed();
        assertThat(oldestFirst)
                .extracting(e -> e.get("action").asString() + " by " + text(e, "actorOrganizationName"))
                .containsExactly(
                        "financing-request.created by " + FIRM,
                        "financing-request.updated by " + FIRM,
                        "financing-request.published by " + FIRM,
                        "bid.submitted by " + BANK_A,
                        "bid.guarantee-confirmed by " + GUARANTOR,
                        "bid.submitted by " + BANK_B,
                        "bid.withdrawn by " + BANK_B,
                        "guarantee-offer.submitted by " + GUARANTOR,
                        "investment-interest.expressed by " + INVESTOR,
                        "guarantee-offer.accepted by " + FIRM,
                        "bid.guarantee-bound by " + FIRM,
                        "bid.accepted by " + FIRM,
                        "financing-request.awarded by " + FIRM);
        for (JsonNode entry : oldestFirst) {
            String action = entry.get("action").asString();
            if (action.startsWith("bid.")) {
                String bidId = entry.get("bidId").asString();
                assertThat(bidId).as(action).isIn(bankABid, bankBBid);
                assertThat(entry.get("bankName").asString()).isEqualTo(bidId.equals(bankABid) ? BANK_A : BANK_B);
            } else {
                assertThat(entry.has("bidId")).as(action).isFalse();
            }
            if (action.startsWith("guarantee-offer.")) {
                assertThat(entry.get("guaranteeOfferId").asString()).isEqualTo(offerId);
                assertThat(entry.get("guarantorName").asString()).isEqualTo(GUARANTOR);
            } else {
                assertThat(entry.has("guaranteeOfferId")).as(action).isFalse();
            }
            // the firm's own people are named; another organization's staff never
            boolean own = entry.get("actorOrganizationId").asString().equals(ENTERPRISE_ORG.toString());
            assertThat(entry.has("actorSubject"))
                    .as(action + " by " + text(entry, "actorOrganizationName"))
                    .isEqualTo(own);
            assertThat(entry.has("before") || entry.has("after")).isFalse();
        }
        assertThat(read.body())
                .as("no state snapshots: a bid's conditions or an investor's note are not part of the history")
                .doesNotContain("secret-conditions-")
                .doesNotContain(note);
        for (String outsider : subjectsOf(List.of(BANK_A_ORG, BANK_B_ORG, GUARANTOR_ORG))) {
            assertThat(read.body()).as("another organization's person").doesNotContain(outsider);
        }

        // the regulator reads the same history, with the person behind every entry
        List<JsonNode> regulators =
                items(api.get(path + "/history").as(token("regulator")).send());
        assertThat(regulators)
                .extracting(e -> e.get("id").asString())
                .containsExactlyElementsOf(
                        items(read).stream().map(e -> e.get("id").asString()).toList());
        assertThat(regulators).allSatisfy(e -> assertThat(e.has("actorSubject")).isTrue());
    }

    @Test
    void givenALongHistory_whenReadPageByPage_thenEveryEntryOnceNewestFirst() {
        String requestId = created();
        for (int edit = 0; edit < 4; edit++) {
            expect(
                    api.put("/financing-requests/" + requestId, financingDraft("第 " + edit + " 次修改"))
                            .as(token("enterprise"))
                            .header("If-Match", "*")
                            .send(),
                    200);
        }

        List<String> seen = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = api.get("/financing-requests/" + requestId + "/history?limit=2"
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .as(token("enterprise"))
                    .send();
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            items(page).forEach(e -> {
                seen.add(e.get("id").asString());
                times.add(Instant.parse(e.get("occurredAt").asString()));
            });
            cursor = page.json().has("nextCursor")
                    ? page.json().get("nextCursor").asString()
                    : null;
            pages++;
        } while (cursor != null);

        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void givenARequestThatExpires_whenItsHistoryIsRead_thenThePlatformClosedItWithoutAnOrganization() {
        String requestId = created();
        expect(
                api.post("/financing-requests/" + requestId + "/publish", publication(14))
                        .as(token("enterprise"))
                        .send(),
                200);
        jdbc.sql("update financing_request set bid_deadline = now() - interval '1 minute' where id = :id")
                .param("id", UUID.fromString(requestId))
                .update();

        JsonNode newest = Eventually.until(
                "the expiry job to close request " + requestId,
                Duration.ofSeconds(10),
                () -> items(api.get("/financing-requests/" + requestId + "/history")
                                .as(token("enterprise"))
                                .send())
                        .getFirst(),
                entry -> entry.get("action").asString().equals("financing-request.expired"));
        assertThat(newest.has("actorOrganizationId")).isFalse();
        assertThat(newest.has("actorOrganizationName")).isFalse();
        assertThat(newest.has("actorSubject")).isFalse();
    }

    @Test
    void givenSomeoneElse_whenReadingTheHistory_thenItDoesNotExistOrIsNotTheirsToAsk() {
        String requestId = created();
        String path = "/financing-requests/" + requestId + "/history";

        assertThat(api.get(path).as(token("newfirm")).send().status())
                .as("another firm")
                .isEqualTo(404);
        assertThat(api.get("/financing-requests/" + UUID.randomUUID() + "/history")
                        .as(token("enterprise"))
                        .send()
                        .status())
                .as("no such request")
                .isEqualTo(404);
        for (String role : List.of("bank-a", "guarantor", "investor", "bureau", "talent")) {
            Response refused = api.get(path).as(token(role)).send();
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get(path).send().status()).isEqualTo(401);
        assertThat(api.get(path).as(token("regulator")).send().status())
                .as("the regulator, a draft included")
                .isEqualTo(200);
    }

    private String created() {
        return id(expect(
                api.post("/financing-requests", financingDraft("历史记录 " + uniqueWord()))
                        .as(token("enterprise"))
                        .send(),
                201));
    }

    private static Map<String, Object> offer(String productId) {
        return Map.of(
                "guaranteeProductId",
                productId,
                "coverageRatioBp",
                7000,
                "annualFeeRateBp",
                150,
                "validUntil",
                Instant.now()
                        .plus(30, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
    }

    /** Everyone who ever acted for these organizations (from the trail itself). */
    private Set<String> subjectsOf(List<UUID> organizations) {
        Set<String> subjects = new HashSet<>(
                jdbc.sql("select distinct actor_subject from audit_event where actor_organization in (:organizations)")
                        .param("organizations", organizations)
                        .query(String.class)
                        .list());
        assertThat(subjects)
                .as("the banks' and the guarantor's people have acted")
                .isNotEmpty();
        return subjects;
    }

    private static List<JsonNode> items(Response response) {
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }

    private static String text(JsonNode entry, String field) {
        return entry.has(field) ? entry.get(field).asString() : "—";
    }

    private static Response expect(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private static String id(Response response) {
        return response.json().get("id").asString();
    }
}
