package dev.duijie.concurrency;

import static dev.duijie.support.Requests.bid;
import static dev.duijie.support.Requests.financingDraft;
import static dev.duijie.support.Requests.guaranteeProduct;
import static dev.duijie.support.Requests.loanProduct;
import static dev.duijie.support.Requests.split;
import static dev.duijie.support.Requests.talentNeed;
import static dev.duijie.support.Requests.talentProfile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.AtOnce;
import dev.duijie.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Races the operations whose invariants must hold however requests interleave: accepting bids and guarantee
 * offers, retries under one Idempotency-Key, edits under one ETag, applications to one need. Each scenario runs
 * {@link #TRIALS} times; in each trial the racing requests are released together ({@link AtOnce}) and the
 * outcome is checked through the API and in PostgreSQL. More trials: {@code -Dduijie.concurrency.trials=100}.
 */
class ConcurrencyIT extends IntegrationTest {

    private static final int TRIALS = Integer.getInteger("duijie.concurrency.trials", 20);
    /** How many copies of one request race in the retry, duplicate and If-Match scenarios. */
    private static final int RACERS = 6;

    private static final String PROBLEMS = "https://duijie.example.cn/problems/";
    private static final List<String> TALENTS =
            List.of("talent", "talent-b", "talent-c", "talent-d", "talent-e", "talent-f");

    // --- 1. accepting bids and guarantee offers -------------------------------------------------------------

    @Test
    void givenBidsOfTwoBanks_whenTheFirmAcceptsBothAtOnce_thenExactlyOneIsAcceptedAndTheRequestIsAwardedToIt() {
        for (int trial = 0; trial < TRIALS; trial++) {
            String requestId = openRequest("并发授标 " + uniqueWord(), false);
            // different fund shares: the fund's reservation tells which bid it was made for
            String bidA = submitBid("bank-a", requestId, bidWithFundShare(2000));
            String bidB = submitBid("bank-b", requestId, bidWithFundShare(3000));
            long reservedBefore = reservedFen();

            // each bid accepted twice (a double click), both bids at once
            List<Response> answers = AtOnce.send(List.of(
                    () -> acceptBid(bidA), () -> acceptBid(bidB), () -> acceptBid(bidA), () -> acceptBid(bidB)));

            String label = "trial " + trial + ": " + answers;
            List<Response> accepted =
                    answers.stream().filter(answer -> answer.status() == 200).toList();
            assertThat(accepted).as(label).hasSize(1);
            answers.stream()
                    .filter(answer -> answer.status() != 200)
                    .forEach(answer -> assertProblem(answer, 409, "invalid-state"));
            String winner = accepted.getFirst().json().get("id").asString();
            String loser = winner.equals(bidA) ? bidB : bidA;

            JsonNode request = api.get("/financing-requests/" + requestId)
                    .as(token("enterprise"))
                    .send()
                    .json();
            assertThat(request.get("status").asString()).as(label).isEqualTo("awarded");
            assertThat(request.get("awardedBidId").asString()).as(label).isEqualTo(winner);
            assertThat(bidStatus(winner)).as(label).isEqualTo("accepted");
            assertThat(bidStatus(loser)).as(label).isEqualTo("declined");

            assertThat(storedBidStatuses(requestId)).as(label).isEqualTo(Map.of(winner, "accepted", loser, "declined"));
            assertThat(jdbc.sql(
                                    "select status || ' ' || awarded_bid_id || ' v' || version from financing_request where id = :id")
                            .param("id", UUID.fromString(requestId))
                            .query(String.class)
                            .single())
                    .as(label + " (created, published, awarded: changed once by the race)")
                    .isEqualTo("awarded " + winner + " v3");
            assertThat(reservedFen() - reservedBefore)
                    .as(label + " (the fund reserves the winner's exposure, once)")
                    .isEqualTo(jdbc.sql("select fund_exposure_fen from bid where id = :id")
                            .param("id", UUID.fromString(winner))
                            .query(Long.class)
                            .single());
            assertThat(auditActions(requestId)).as(label).containsOnlyOnce("financing-request.awarded");
            assertThat(auditActions(winner)).as(label).containsExactly("bid.submitted", "bid.accepted");
            assertThat(auditActions(loser)).as(label).containsExactly("bid.submitted", "bid.declined");
        }
    }

    @Test
    void givenAGuaranteeOfferAndABid_whenTheFirmAcceptsBothAtOnce_thenTheOfferIsAcceptedOnlyWhileTheRequestIsOpen() {
        String productId = activeGuaranteeProduct();
        int offerFirst = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            String requestId = openRequest("担保与授标 " + uniqueWord(), true);
            String offerId = submitGuaranteeOffer(requestId, productId, "guarantor");
            String bidId = submitBid("bank-a", requestId, bidWithFundShare(2000));

            List<Response> answers = AtOnce.send(List.of(() -> acceptGuaranteeOffer(offerId), () -> acceptBid(bidId)));

            String label = "trial " + trial + ": " + answers;
            Response offerAnswer = answers.get(0);
            // accepting a guarantee leaves the request open: the bid is accepted whichever came first
            assertThat(answers.get(1).status()).as(label).isEqualTo(200);
            String expectedOfferStatus;
            if (offerAnswer.status() == 200) {
                offerFirst++;
                expectedOfferStatus = "accepted";
                assertThat(storedInstant("select updated_at from guarantee_offer where id = :id", offerId))
                        .as(label + " (accepted before the award)")
                        .isBeforeOrEqualTo(
                                storedInstant("select closed_at from financing_request where id = :id", requestId));
            } else {
                // the award came first and declined the open offer
                assertProblem(offerAnswer, 409, "invalid-state");
                expectedOfferStatus = "declined";
            }
            assertThat(api.get("/guarantee-offers/" + offerId)
                            .as(token("enterprise"))
                            .send()
                            .json()
                            .get("status")
                            .asString())
                    .as(label)
                    .isEqualTo(expectedOfferStatus);
            assertThat(storedOfferStatuses(requestId)).as(label).isEqualTo(Map.of(offerId, expectedOfferStatus));
            assertThat(storedBidStatuses(requestId)).as(label).isEqualTo(Map.of(bidId, "accepted"));
            assertThat(auditActions(offerId))
                    .as(label)
                    .containsExactly("guarantee-offer.submitted", "guarantee-offer." + expectedOfferStatus);
        }
        System.out.printf(
                "[concurrency] guarantee offer vs bid acceptance: offer first in %d of %d trials%n",
                offerFirst, TRIALS);
    }

    @Test
    void givenOffersOfTwoGuarantors_whenTheFirmAcceptsBothAtOnce_thenExactlyOneIsAcceptedAndTheOtherDeclined() {
        String productId = activeGuaranteeProduct();
        String rivalProduct =
                activeOffer("/guarantee-products", guaranteeProduct("另一家担保 " + uniqueWord()), "guarantor-b");
        for (int trial = 0; trial < TRIALS; trial++) {
            String requestId = openRequest("两家担保 " + uniqueWord(), true);
            String offerId = submitGuaranteeOffer(requestId, productId, "guarantor");
            String rivalOfferId = submitGuaranteeOffer(requestId, rivalProduct, "guarantor-b");

            List<Response> answers = AtOnce.send(List.of(
                    () -> acceptGuaranteeOffer(offerId), () -> acceptGuaranteeOffer(rivalOfferId),
                    () -> acceptGuaranteeOffer(offerId), () -> acceptGuaranteeOffer(rivalOfferId)));

            String label = "trial " + trial + ": " + answers;
            List<Response> accepted =
                    answers.stream().filter(answer -> answer.status() == 200).toList();
            assertThat(accepted).as(label).hasSize(1);
            answers.stream()
                    .filter(answer -> answer.status() != 200)
                    .forEach(answer -> assertProblem(answer, 409, "invalid-state"));
            String winner = accepted.getFirst().json().get("id").asString();
            String loser = winner.equals(offerId) ? rivalOfferId : offerId;

            assertThat(api.get("/guarantee-offers/" + winner)
                            .as(token("enterprise"))
                            .send()
                            .json()
                            .get("status")
                            .asString())
                    .as(label)
                    .isEqualTo("accepted");
            assertThat(api.get("/guarantee-offers/" + loser)
                            .as(token("enterprise"))
                            .send()
                            .json()
                            .get("status")
                            .asString())
                    .as(label)
                    .isEqualTo("declined");
            assertThat(storedOfferStatuses(requestId))
                    .as(label)
                    .isEqualTo(Map.of(winner, "accepted", loser, "declined"));
            // accepting a guarantee leaves the request open for bids
            assertThat(jdbc.sql("select status from financing_request where id = :id")
                            .param("id", UUID.fromString(requestId))
                            .query(String.class)
                            .single())
                    .as(label)
                    .isEqualTo("open");
            assertThat(auditActions(winner))
                    .as(label)
                    .containsOnlyOnce("guarantee-offer.accepted")
                    .doesNotContain("guarantee-offer.declined");
            assertThat(auditActions(loser))
                    .as(label)
                    .containsOnlyOnce("guarantee-offer.declined")
                    .doesNotContain("guarantee-offer.accepted");
            takeOffTheMarket(requestId);
        }
    }

    @Test
    void
            givenAnOpenGuaranteeOffer_whenTheGuarantorWithdrawsItAsTheFirmAcceptsABid_thenItEndsWithdrawnOrDeclinedNeverBoth() {
        String productId = activeGuaranteeProduct();
        int withdrawnFirst = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            String requestId = openRequest("撤回担保 " + uniqueWord(), true);
            String offerId = submitGuaranteeOffer(requestId, productId, "guarantor");
            String bidId = submitBid("bank-a", requestId, bidWithFundShare(2000));

            List<Response> answers = AtOnce.send(List.of(
                    () -> api.post("/guarantee-offers/" + offerId + "/withdrawal", null)
                            .as(token("guarantor"))
                            .send(),
                    () -> acceptBid(bidId)));

            String label = "trial " + trial + ": " + answers;
            assertThat(answers.get(1).status()).as(label).isEqualTo(200);
            String expectedOfferStatus;
            if (answers.get(0).status() == 200) {
                withdrawnFirst++;
                expectedOfferStatus = "withdrawn";
            } else {
                // the award came first and declined the offer: nothing left to withdraw
                assertProblem(answers.get(0), 409, "invalid-state");
                expectedOfferStatus = "declined";
            }
            assertThat(storedOfferStatuses(requestId)).as(label).isEqualTo(Map.of(offerId, expectedOfferStatus));
            // the audit trail tells what happened to the offer, and only that
            assertThat(auditActions(offerId))
                    .as(label)
                    .containsExactly("guarantee-offer.submitted", "guarantee-offer." + expectedOfferStatus);
        }
        System.out.printf(
                "[concurrency] guarantee offer withdrawal vs award: withdrawal first in %d of %d trials%n",
                withdrawnFirst, TRIALS);
    }

    // --- 2. retries under one Idempotency-Key --------------------------------------------------------------

    @Test
    void givenOneIdempotencyKey_whenTheSameCreateIsSentSeveralTimesAtOnce_thenOneRequestAndTheSame201ForEveryone() {
        for (int trial = 0; trial < TRIALS; trial++) {
            String key = "race-" + UUID.randomUUID();
            String title = "并发重试 " + uniqueWord();

            List<Response> answers = AtOnce.send(RACERS, () -> createRequest(financingDraft(title), key));

            String label = "trial " + trial + ": " + answers;
            assertThat(answers).as(label).extracting(Response::status).containsOnly(201);
            String id = answers.getFirst().json().get("id").asString();
            assertThat(answers)
                    .as(label)
                    .extracting(answer -> answer.json().get("id").asString())
                    .containsOnly(id);
            assertThat(answers)
                    .as(label)
                    .extracting(answer -> answer.header("Location").orElseThrow())
                    .containsOnly("/financing-requests/" + id);
            assertThat(api.get("/financing-requests/" + id)
                            .as(token("enterprise"))
                            .send()
                            .json()
                            .get("title")
                            .asString())
                    .isEqualTo(title);

            assertThat(jdbc.sql("select id from financing_request where title = :title")
                            .param("title", title)
                            .query(UUID.class)
                            .list())
                    .as(label)
                    .containsExactly(UUID.fromString(id));
            assertThat(jdbc.sql("select resource_id from idempotency_key where key = :key")
                            .param("key", key)
                            .query(UUID.class)
                            .list())
                    .as(label)
                    .containsExactly(UUID.fromString(id));
            assertThat(auditActions(id)).as(label).containsExactly("financing-request.created");
        }
    }

    @Test
    void givenOneIdempotencyKeyAndTwoBodies_whenSentAtOnce_thenOneBodyIsCreatedAndTheOtherGets422() {
        for (int trial = 0; trial < TRIALS; trial++) {
            String key = "race-" + UUID.randomUUID();
            String title = "键冲突 " + uniqueWord();
            Map<String, Object> original = financingDraft(title);
            Map<String, Object> changed = financingDraft(title);
            changed.put("amountFen", 100_000_000L);
            List<Map<String, Object>> bodies = List.of(original, changed, original, changed, original, changed);

            List<Response> answers = AtOnce.send(bodies.stream()
                    .<Callable<Response>>map(body -> () -> createRequest(body, key))
                    .toList());

            String label = "trial " + trial + ": " + answers;
            // whichever body claimed the key first is created; every copy of it gets that 201, the other body 422
            Set<Long> createdAmounts = new HashSet<>();
            Set<String> createdIds = new HashSet<>();
            for (int i = 0; i < answers.size(); i++) {
                Response answer = answers.get(i);
                if (answer.status() == 201) {
                    createdAmounts.add((Long) bodies.get(i).get("amountFen"));
                    createdIds.add(answer.json().get("id").asString());
                    assertThat(answer.json().get("amountFen").asLong())
                            .as(label)
                            .isEqualTo(bodies.get(i).get("amountFen"));
                } else {
                    assertProblem(answer, 422, "idempotency-key-reused");
                }
            }
            assertThat(createdIds).as(label).hasSize(1);
            assertThat(createdAmounts).as(label).hasSize(1);
            assertThat(answers.stream().filter(answer -> answer.status() == 201).count())
                    .as(label)
                    .isEqualTo(3);

            assertThat(jdbc.sql("select amount_fen from financing_request where title = :title")
                            .param("title", title)
                            .query(Long.class)
                            .list())
                    .as(label)
                    .containsExactlyElementsOf(createdAmounts);
        }
    }

    @Test
    void givenOneBank_whenItSendsItsBidSeveralTimesAtOnce_thenOneLiveBid() {
        for (int trial = 0; trial < TRIALS; trial++) {
            String requestId = openRequest("并发报价 " + uniqueWord(), false);
            String key = "bid-" + UUID.randomUUID();
            Map<String, Object> body = bidWithFundShare(2000);

            // retries under one key: one bid, the same 201 for each
            List<Response> retries = AtOnce.send(
                    RACERS,
                    () -> api.post("/financing-requests/" + requestId + "/bids", body)
                            .as(token("bank-a"))
                            .header("Idempotency-Key", key)
                            .send());
            // separate submissions (a key each): one bid, the rest are duplicates
            List<Response> separate = AtOnce.send(
                    RACERS,
                    () -> api.post("/financing-requests/" + requestId + "/bids", body)
                            .as(token("bank-b"))
                            .header("Idempotency-Key", "bid-" + UUID.randomUUID())
                            .send());

            String label = "trial " + trial + ": " + retries + " / " + separate;
            assertThat(retries).as(label).extracting(Response::status).containsOnly(201);
            String retried = retries.getFirst().json().get("id").asString();
            assertThat(retries)
                    .as(label)
                    .extracting(answer -> answer.json().get("id").asString())
                    .containsOnly(retried);
            List<Response> submitted =
                    separate.stream().filter(answer -> answer.status() == 201).toList();
            assertThat(submitted).as(label).hasSize(1);
            separate.stream()
                    .filter(answer -> answer.status() != 201)
                    .forEach(answer -> assertProblem(answer, 409, "duplicate"));
            String separateId = submitted.getFirst().json().get("id").asString();

            assertThat(itemFields(
                            api.get("/financing-requests/" + requestId + "/bids")
                                    .as(token("enterprise"))
                                    .send(),
                            "id"))
                    .as(label)
                    .containsExactlyInAnyOrder(retried, separateId);
            assertThat(storedBidStatuses(requestId))
                    .as(label)
                    .isEqualTo(Map.of(retried, "submitted", separateId, "submitted"));
            assertThat(auditActions(retried)).as(label).containsExactly("bid.submitted");
            assertThat(auditActions(separateId)).as(label).containsExactly("bid.submitted");
            takeOffTheMarket(requestId);
        }
    }

    // --- 3. edits under one ETag ---------------------------------------------------------------------------

    @Test
    void givenOneETag_whenSeveralEditsOfADraftRequestAreSentAtOnce_thenOneWinsAndTheRestGet412() {
        String enterprise = token("enterprise");
        String requestId = api.post("/financing-requests", financingDraft("并发编辑 " + uniqueWord()))
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();
        String path = "/financing-requests/" + requestId;
        for (int trial = 0; trial < TRIALS; trial++) {
            Response read = api.get(path).as(enterprise).send();
            String etag = read.header("ETag").orElseThrow();
            long version = read.json().get("version").asLong();
            List<String> titles = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                titles.add("并发编辑 " + trial + "-" + i + " " + uniqueWord());
            }

            List<Response> answers = AtOnce.send(titles.stream()
                    .<Callable<Response>>map(title -> () -> api.put(path, financingDraft(title))
                            .as(enterprise)
                            .header("If-Match", etag)
                            .send())
                    .toList());

            String winnerTitle = oneWinnerRestStale(answers, titles, trial);
            Response after = api.get(path).as(enterprise).send();
            assertThat(after.header("ETag")).contains("\"" + (version + 1) + "\"");
            assertThat(after.json().get("title").asString()).isEqualTo(winnerTitle);
            assertThat(jdbc.sql("select title || ' v' || version from financing_request where id = :id")
                            .param("id", UUID.fromString(requestId))
                            .query(String.class)
                            .single())
                    .as("trial " + trial)
                    .isEqualTo(winnerTitle + " v" + (version + 1));
        }
        assertThat(auditActions(requestId).stream()
                        .filter("financing-request.updated"::equals)
                        .count())
                .as("one update per trial")
                .isEqualTo(TRIALS);
    }

    @Test
    void givenOneETag_whenSeveralEditsOfALoanProductAreSentAtOnce_thenOneWinsAndTheRestGet412() {
        String bank = token("bank-a");
        String productId = api.post("/loan-products", loanProduct("并发编辑 " + uniqueWord()))
                .as(bank)
                .send()
                .json()
                .get("id")
                .asString();
        String path = "/loan-products/" + productId;
        for (int trial = 0; trial < TRIALS; trial++) {
            Response read = api.get(path).as(bank).send();
            String etag = read.header("ETag").orElseThrow();
            long version = read.json().get("version").asLong();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                names.add("并发编辑 " + trial + "-" + i + " " + uniqueWord());
            }

            List<Response> answers = AtOnce.send(names.stream()
                    .<Callable<Response>>map(name -> () -> api.put(path, loanProduct(name))
                            .as(bank)
                            .header("If-Match", etag)
                            .send())
                    .toList());

            String winnerName = oneWinnerRestStale(answers, names, trial);
            Response after = api.get(path).as(bank).send();
            assertThat(after.header("ETag")).contains("\"" + (version + 1) + "\"");
            assertThat(after.json().get("name").asString()).isEqualTo(winnerName);
            assertThat(jdbc.sql("select name || ' v' || version from loan_product where id = :id")
                            .param("id", UUID.fromString(productId))
                            .query(String.class)
                            .single())
                    .as("trial " + trial)
                    .isEqualTo(winnerName + " v" + (version + 1));
        }
        assertThat(auditActions(productId).stream()
                        .filter("loan-product.updated"::equals)
                        .count())
                .as("one update per trial")
                .isEqualTo(TRIALS);
    }

    // --- 4. applications -----------------------------------------------------------------------------------

    @Test
    void givenOneTalent_whenApplyingToOneNeedSeveralTimesAtOnce_thenOneApplication() {
        String profileId = ensureProfile("talent");
        for (int trial = 0; trial < TRIALS; trial++) {
            String needId = openNeed();
            String keyedNeedId = openNeed();
            String key = "apply-" + UUID.randomUUID();

            // separate applications: one stands, the rest are duplicates
            List<Response> separate = AtOnce.send(RACERS, () -> apply("talent", needId, null));
            // retries under one key: one application, the same 201 for each
            List<Response> retries = AtOnce.send(RACERS, () -> apply("talent", keyedNeedId, key));

            String label = "trial " + trial + ": " + separate + " / " + retries;
            List<Response> applied =
                    separate.stream().filter(answer -> answer.status() == 201).toList();
            assertThat(applied).as(label).hasSize(1);
            separate.stream()
                    .filter(answer -> answer.status() != 201)
                    .forEach(answer -> assertProblem(answer, 409, "duplicate"));
            assertThat(retries).as(label).extracting(Response::status).containsOnly(201);
            String retried = retries.getFirst().json().get("id").asString();
            assertThat(retries)
                    .as(label)
                    .extracting(answer -> answer.json().get("id").asString())
                    .containsOnly(retried);

            assertThat(applicationIdsListedFor(needId))
                    .as(label)
                    .containsExactly(applied.getFirst().json().get("id").asString());
            assertThat(applicationIdsListedFor(keyedNeedId)).as(label).containsExactly(retried);
            assertThat(storedApplicants(needId)).as(label).containsExactly(profileId);
            assertThat(storedApplicants(keyedNeedId)).as(label).containsExactly(profileId);
        }
    }

    @Test
    void givenSixTalents_whenTheyApplyToOneNeedAtOnce_thenEveryApplicationIsStoredListedAndCounted() {
        Map<String, String> profiles = new LinkedHashMap<>();
        TALENTS.forEach(talent -> profiles.put(talent, ensureProfile(talent)));
        for (int trial = 0; trial < TRIALS; trial++) {
            String needId = openNeed();
            long countedBefore = applicationsOnTheDashboard();

            List<Response> answers = AtOnce.send(TALENTS.stream()
                    .<Callable<Response>>map(talent -> () -> apply(talent, needId, null))
                    .toList());

            String label = "trial " + trial + ": " + answers;
            assertThat(answers).as(label).extracting(Response::status).containsOnly(201);
            for (int i = 0; i < TALENTS.size(); i++) {
                assertThat(answers.get(i).json().get("talentProfileId").asString())
                        .as(label)
                        .isEqualTo(profiles.get(TALENTS.get(i)));
            }
            List<String> ids = answers.stream()
                    .map(answer -> answer.json().get("id").asString())
                    .toList();

            Response listed = api.get("/talent-needs/" + needId + "/applications?limit=100")
                    .as(token("enterprise"))
                    .send();
            assertThat(itemFields(listed, "id")).as(label).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(itemFields(listed, "talentProfileId"))
                    .as(label)
                    .containsExactlyInAnyOrderElementsOf(profiles.values());
            assertThat(storedApplicants(needId)).as(label).containsExactlyInAnyOrderElementsOf(profiles.values());
            assertThat(applicationsOnTheDashboard() - countedBefore).as(label).isEqualTo(TALENTS.size());

            // withdrawn again (at once too), so no later test finds these talents connected to the enterprise
            List<Response> withdrawals = AtOnce.send(ids.stream()
                    .<Callable<Response>>map(id -> () -> api.post("/talent-applications/" + id + "/withdrawal", null)
                            .as(token(TALENTS.get(ids.indexOf(id))))
                            .send())
                    .toList());
            assertThat(withdrawals)
                    .as("trial " + trial + ": " + withdrawals)
                    .extracting(Response::status)
                    .containsOnly(200);
            assertThat(jdbc.sql("select distinct status from talent_application where need_id = :id")
                            .param("id", UUID.fromString(needId))
                            .query(String.class)
                            .list())
                    .containsExactly("withdrawn");
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static void assertProblem(Response answer, int status, String type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).as(answer.toString()).isEqualTo(PROBLEMS + type);
    }

    /** Exactly one answer is a 200, the rest stale-version 412s; returns the value the winner sent. */
    private static String oneWinnerRestStale(List<Response> answers, List<String> sent, int trial) {
        String label = "trial " + trial + ": " + answers;
        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).status() == 200) {
                winners.add(i);
            } else {
                assertProblem(answers.get(i), 412, "stale-version");
            }
        }
        assertThat(winners).as(label).hasSize(1);
        return sent.get(winners.getFirst());
    }

    private String openRequest(String title, boolean guaranteeWanted) {
        Map<String, Object> draft = financingDraft(title);
        draft.put("guaranteeWanted", guaranteeWanted);
        return publishedRequest(draft, 14);
    }

    /** Withdraws a request left open, so later tests do not find this test's requests on the market. */
    private void takeOffTheMarket(String requestId) {
        Response withdrawn = api.post("/financing-requests/" + requestId + "/withdrawal", null)
                .as(token("enterprise"))
                .send();
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
    }

    private Response createRequest(Map<String, Object> draft, String idempotencyKey) {
        return api.post("/financing-requests", draft)
                .as(token("enterprise"))
                .header("Idempotency-Key", idempotencyKey)
                .send();
    }

    /** A bid on the 300万元 request in which the fund takes {@code fundShareBp} and the bank the rest. */
    private static Map<String, Object> bidWithFundShare(int fundShareBp) {
        Map<String, Object> body = bid(400);
        body.put("riskSplit", split(10_000 - fundShareBp, 0, fundShareBp));
        return body;
    }

    private String submitBid(String bank, String requestId, Map<String, Object> body) {
        Response submitted = api.post("/financing-requests/" + requestId + "/bids", body)
                .as(token(bank))
                .send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.json().get("id").asString();
    }

    private Response acceptBid(String bidId) {
        return api.post("/bids/" + bidId + "/acceptance", null)
                .as(token("enterprise"))
                .send();
    }

    private String bidStatus(String bidId) {
        return api.get("/bids/" + bidId)
                .as(token("enterprise"))
                .send()
                .json()
                .get("status")
                .asString();
    }

    private String activeGuaranteeProduct() {
        return activeOffer("/guarantee-products", guaranteeProduct("并发担保 " + uniqueWord()), "guarantor");
    }

    private String submitGuaranteeOffer(String requestId, String productId, String guarantor) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("guaranteeProductId", productId);
        offer.put("coverageRatioBp", 7000);
        offer.put("annualFeeRateBp", 150);
        offer.put(
                "validUntil",
                Instant.now()
                        .plus(30, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        Response submitted = api.post("/financing-requests/" + requestId + "/guarantee-offers", offer)
                .as(token(guarantor))
                .send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.json().get("id").asString();
    }

    private Response acceptGuaranteeOffer(String offerId) {
        return api.post("/guarantee-offers/" + offerId + "/acceptance", null)
                .as(token("enterprise"))
                .send();
    }

    /** The caller's profile id, creating a public profile first if the user has none yet. */
    private String ensureProfile(String talent) {
        Response own = api.get("/talent-profiles/me").as(token(talent)).send();
        if (own.status() == 200) {
            return own.json().get("id").asString();
        }
        Response saved = api.put("/talent-profiles/me", talentProfile("并发人才 " + talent, "13800000000"))
                .as(token(talent))
                .header("If-Match", "*")
                .send();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return saved.json().get("id").asString();
    }

    private String openNeed() {
        String enterprise = token("enterprise");
        String id = api.post("/talent-needs", talentNeed(2))
                .as(enterprise)
                .send()
                .json()
                .get("id")
                .asString();
        Response opened = api.post("/talent-needs/" + id + "/status", Map.of("status", "open"))
                .as(enterprise)
                .send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        return id;
    }

    private Response apply(String talent, String needId, String idempotencyKey) {
        var call = api.post("/talent-needs/" + needId + "/applications", Map.of("coverLetter", "想回县里工作。"))
                .as(token(talent));
        return idempotencyKey == null
                ? call.send()
                : call.header("Idempotency-Key", idempotencyKey).send();
    }

    private List<String> applicationIdsListedFor(String needId) {
        return itemFields(
                api.get("/talent-needs/" + needId + "/applications?limit=100")
                        .as(token("enterprise"))
                        .send(),
                "id");
    }

    /** One field of each item of a page (the items' own, not of objects nested in them). */
    private static List<String> itemFields(Response page, String field) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> values = new ArrayList<>();
        page.json().get("items").forEach(item -> values.add(item.get(field).asString()));
        return values;
    }

    /** The talent dashboard's count of applications to needs opened around now (county time). */
    private long applicationsOnTheDashboard() {
        YearMonth now = YearMonth.now(ZoneOffset.ofHours(8));
        Response dashboard = api.get(
                        "/dashboards/talent?fromMonth=" + now.minusMonths(1) + "&toMonth=" + now.plusMonths(1))
                .as(token("bureau"))
                .send();
        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
        return dashboard.json().get("total").get("applications").asLong();
    }

    private long reservedFen() {
        return jdbc.sql("select reserved_fen from risk_fund").query(Long.class).single();
    }

    private Map<String, String> storedBidStatuses(String requestId) {
        return statusesById("select id, status from bid where financing_request_id = :id", requestId);
    }

    private Map<String, String> storedOfferStatuses(String requestId) {
        return statusesById("select id, status from guarantee_offer where financing_request_id = :id", requestId);
    }

    private Map<String, String> statusesById(String sql, String requestId) {
        Map<String, String> statuses = new LinkedHashMap<>();
        jdbc.sql(sql).param("id", UUID.fromString(requestId)).query(rs -> {
            statuses.put(rs.getString("id"), rs.getString("status"));
        });
        return statuses;
    }

    private List<String> storedApplicants(String needId) {
        return jdbc.sql("select talent_profile_id::text from talent_application where need_id = :id")
                .param("id", UUID.fromString(needId))
                .query(String.class)
                .list();
    }

    private Instant storedInstant(String sql, String id) {
        return jdbc.sql(sql)
                .param("id", UUID.fromString(id))
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    private List<String> auditActions(String entityId) {
        return jdbc.sql("select action from audit_event where entity_id = :id order by occurred_at, action")
                .param("id", UUID.fromString(entityId))
                .query(String.class)
                .list();
    }
}
