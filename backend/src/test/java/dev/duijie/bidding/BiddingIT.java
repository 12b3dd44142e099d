package dev.duijie.bidding;

import static dev.duijie.support.Requests.bid;
import static dev.duijie.support.Requests.financingDraft;
import static dev.duijie.support.Requests.guaranteeProduct;
import static dev.duijie.support.Requests.loanProduct;
import static dev.duijie.support.Requests.publication;
import static dev.duijie.support.Requests.split;
import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.support.Api.Response;
import dev.duijie.support.AtOnce;
import dev.duijie.support.Eventually;
import dev.duijie.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The heart of 政银企对接: products, a request, sealed bids with risk sharing, comparison and the award. */
class BiddingIT extends IntegrationTest {

    @Test
    void givenTwoBanksBid_whenTheFirmComparesAndAccepts_thenAwardedOnceCompetitorDeclinedAndFundReserved() {
        String loanProductId = activeLoanProduct("bank-a");
        String guaranteeProductId = activeGuaranteeProduct();
        String requestId = openRequest("腊肉车间扩建 " + uniqueWord());
        assertThat(bankResponse(BANK_A_ORG, requestId))
                .as("bank A's product matches: its response clock runs")
                .isNotNull();

        Map<String, Object> bidA = bid(380);
        bidA.put("feesFen", 300_000L);
        bidA.put("loanProductId", loanProductId);
        bidA.put(
                "guarantee",
                Map.of("guarantorOrganizationId", GUARANTOR_ORG.toString(), "guaranteeProductId", guaranteeProductId));
        bidA.put("riskSplit", split(3000, 3000, 4000));
        Response a = api.post("/financing-requests/" + requestId + "/bids", bidA)
                .as(token("bank-a"))
                .send();
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        assertThat(a.json().get("guarantorDecision").asString()).isEqualTo("pending");
        assertThat(a.json().get("fundExposureFen").asLong()).isEqualTo(120_000_000L);
        String bidAId = a.json().get("id").asString();

        Response b = api.post("/financing-requests/" + requestId + "/bids", bid(470))
                .as(token("bank-b"))
                .send();
        assertThat(b.status()).as(b.toString()).isEqualTo(201);
        String bidBId = b.json().get("id").asString();

        // sealed: bank B never sees bank A's bid, nor how many there are
        assertThat(api.get("/bids/" + bidAId).as(token("bank-b")).send().status())
                .isEqualTo(404);
        assertThat(ids(api.get("/bids").as(token("bank-b")).send()))
                .contains(bidBId)
                .doesNotContain(bidAId);
        assertThat(api.get("/financing-requests/" + requestId + "/bids")
                        .as(token("bank-b"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/financing-requests/" + requestId + "/bid-comparison")
                        .as(token("bank-b"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/bids/" + bidAId + "/withdrawal", null)
                        .as(token("bank-b"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/financing-requests/" + requestId + "/bids")
                        .as(token("newfirm"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/financing-requests/" + requestId + "/bid-comparison")
                        .as(token("newfirm"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/bids/" + bidAId + "/acceptance", null)
                        .as(token("newfirm"))
                        .send()
                        .status())
                .isEqualTo(404);
        // a hidden bid answers exactly like one that does not exist
        Response hidden = api.get("/bids/" + bidAId).as(token("bank-b")).send();
        Response absent =
                api.get("/bids/" + UUID.randomUUID()).as(token("bank-b")).send();
        assertThat(hidden.json().get("detail").asString())
                .isEqualTo(absent.json().get("detail").asString());
        assertThat(api.get("/bids/" + bidAId).as(token("investor")).send().status())
                .isEqualTo(404);
        assertThat(api.get("/bids/" + bidAId).as(token("regulator")).send().status())
                .isEqualTo(404);
        assertThat(api.get("/bids/" + bidAId).as(token("newfirm")).send().status())
                .isEqualTo(404);
        // ...the guarantor on bid A sees it, and only it
        assertThat(api.get("/bids/" + bidAId).as(token("guarantor")).send().status())
                .isEqualTo(200);
        assertThat(api.get("/bids/" + bidBId).as(token("guarantor")).send().status())
                .isEqualTo(404);
        assertThat(api.post("/bids/" + bidBId + "/guarantor-decision", Map.of("decision", "confirmed"))
                        .as(token("guarantor"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(ids(api.get("/bids").as(token("guarantor")).send()))
                .contains(bidAId)
                .doesNotContain(bidBId);

        // until the guarantor confirms, bid A cannot be accepted
        Response early = api.post("/bids/" + bidAId + "/acceptance", null)
                .as(token("enterprise"))
                .send();
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("type").asString())
                .isEqualTo("https://duijie.example.cn/problems/bid-not-eligible");
        JsonNode before = comparison(requestId);
        assertThat(row(before, bidAId).get("ineligibleBecause").asString()).isEqualTo("awaiting_guarantor");
        assertThat(before.get("cheapestBidId").asString()).isEqualTo(bidBId);

        Response confirmed = api.post("/bids/" + bidAId + "/guarantor-decision", Map.of("decision", "confirmed"))
                .as(token("guarantor"))
                .send();
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().get("guarantorDecision").asString()).isEqualTo("confirmed");

        // side by side: A = 3.80 % + 1 % fee on the guaranteed 80 % + fees spread over 3 years ≈ 4.63 %; B = 4.70 %
        // (the fee is on the guaranteed amount, not on the guarantor's 30 % risk share)
        JsonNode compared = comparison(requestId);
        assertThat(row(compared, bidAId).get("effectiveAnnualRateBp").asInt()).isEqualTo(463);
        assertThat(row(compared, bidAId).get("annualGuaranteeFeeFen").asLong()).isEqualTo(2_400_000L);
        assertThat(row(compared, bidBId).get("effectiveAnnualRateBp").asInt()).isEqualTo(470);
        assertThat(compared.get("cheapestBidId").asString()).isEqualTo(bidAId);
        assertThat(row(compared, bidAId).get("cheapest").asBoolean()).isTrue();

        long reservedBefore = api.get("/risk-fund")
                .as(token("regulator"))
                .send()
                .json()
                .get("reservedFen")
                .asLong();
        assertThat(api.get("/risk-fund").as(token("bank-b")).send().json().has("reservedFen"))
                .as("hidden from banks")
                .isFalse();
        Response accepted = api.post("/bids/" + bidAId + "/acceptance", null)
                .as(token("enterprise"))
                .send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("accepted");

        JsonNode request = api.get("/financing-requests/" + requestId)
                .as(token("enterprise"))
                .send()
                .json();
        assertThat(request.get("status").asString()).isEqualTo("awarded");
        assertThat(request.get("awardedBidId").asString()).isEqualTo(bidAId);
        assertThat(api.get("/bids/" + bidBId)
                        .as(token("bank-b"))
                        .send()
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("declined");
        assertThat(api.get("/risk-fund")
                        .as(token("regulator"))
                        .send()
                        .json()
                        .get("reservedFen")
                        .asLong())
                .isEqualTo(reservedBefore + 120_000_000L);
        assertThat(respondedAt(BANK_A_ORG, requestId)).isNotNull();

        // closed: no more bids, and it left the market
        Response late = api.post("/financing-requests/" + requestId + "/bids", bid(300))
                .as(token("bank-b"))
                .send();
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("type").asString()).isEqualTo("https://duijie.example.cn/problems/bidding-closed");
        // the losing bank follows the request it bid on, but learns only its own bid's fate
        JsonNode seenByLoser = api.get("/financing-requests/" + requestId)
                .as(token("bank-b"))
                .send()
                .json();
        assertThat(seenByLoser.get("status").asString()).isEqualTo("awarded");
        assertThat(seenByLoser.has("awardedBidId")).isFalse();
        assertThat(api.get("/financing-requests/" + requestId)
                        .as(token("investor"))
                        .send()
                        .status())
                .isEqualTo(404);

        assertThat(auditActions(UUID.fromString(bidAId)))
                .contains("bid.submitted", "bid.guarantee-confirmed", "bid.accepted");
        assertThat(auditActions(UUID.fromString(bidBId))).contains("bid.submitted", "bid.declined");
        assertThat(auditActions(UUID.fromString(requestId))).contains("financing-request.awarded");
        assertThat(auditActions(RiskFund.AUDIT_ID)).contains("risk-fund.reserved");
    }

    @Test
    void givenTwoBids_whenTheFirmAcceptsBothAtOnce_thenExactlyOneWinsEveryTime() throws Exception {
        for (int trial = 0; trial < 5; trial++) {
            String requestId = openRequest("并发授标 " + trial);
            String bidA = api.post("/financing-requests/" + requestId + "/bids", bid(400))
                    .as(token("bank-a"))
                    .send()
                    .json()
                    .get("id")
                    .asString();
            String bidB = api.post("/financing-requests/" + requestId + "/bids", bid(410))
                    .as(token("bank-b"))
                    .send()
                    .json()
                    .get("id")
                    .asString();
            long reservedBefore = reservedFen();

            List<Response> answers = AtOnce.send(
                    () -> api.post("/bids/" + bidA + "/acceptance", null)
                            .as(token("enterprise"))
                            .send(),
                    () -> api.post("/bids/" + bidB + "/acceptance", null)
                            .as(token("enterprise"))
                            .send());

            assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
            assertThat(jdbc.sql("select count(*) from bid where financing_request_id = :id and status = 'accepted'")
                            .param("id", UUID.fromString(requestId))
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(reservedFen()).isEqualTo(reservedBefore + 150_000_000L);
        }
    }

    @Test
    void givenAnAcceptAndAWithdrawalAtOnce_whenRacing_thenOneWinsAndTheOtherGets409() throws Exception {
        for (int trial = 0; trial < 5; trial++) {
            String requestId = openRequest("授标与撤回 " + trial);
            String bidId = api.post("/financing-requests/" + requestId + "/bids", bid(400))
                    .as(token("bank-a"))
                    .send()
                    .json()
                    .get("id")
                    .asString();

            List<Response> answers = AtOnce.send(
                    () -> api.post("/bids/" + bidId + "/acceptance", null)
                            .as(token("enterprise"))
                            .send(),
                    () -> api.post("/financing-requests/" + requestId + "/withdrawal", null)
                            .as(token("enterprise"))
                            .send());

            assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
            String status = api.get("/financing-requests/" + requestId)
                    .as(token("enterprise"))
                    .send()
                    .json()
                    .get("status")
                    .asString();
            String bidStatus = api.get("/bids/" + bidId)
                    .as(token("bank-a"))
                    .send()
                    .json()
                    .get("status")
                    .asString();
            assertThat(List.of(status, bidStatus))
                    .isIn(List.of("awarded", "accepted"), List.of("withdrawn", "declined"));
        }
    }

    @Test
    void givenInvalidBids_whenSubmitting_then400NamingTheFieldAndNothingStored() {
        String requestId = openRequest("报价校验 " + uniqueWord());
        String path = "/financing-requests/" + requestId + "/bids";
        record Case(String field, Map<String, Object> bid) {}
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("riskSplit", with(bid(400), "riskSplit", split(5000, 0, 4000))));
        cases.add(new Case("riskSplit.fundShareBp", with(bid(400), "riskSplit", split(4000, 0, 6000))));
        cases.add(new Case("riskSplit.bankShareBp", with(bid(400), "riskSplit", split(1500, 0, 8500))));
        cases.add(new Case("riskSplit.guarantorShareBp", with(bid(400), "riskSplit", split(5000, 1000, 4000))));
        cases.add(new Case("annualRateBp", bid(490)));
        cases.add(new Case("amountFen", with(bid(400), "amountFen", 300_000_001L)));
        cases.add(new Case(
                "validUntil",
                with(bid(400), "validUntil", Instant.now().minusSeconds(60).toString())));
        cases.add(new Case(
                "guarantee.guarantorOrganizationId",
                with(
                        bid(400),
                        "guarantee",
                        Map.of(
                                "guarantorOrganizationId",
                                BANK_B_ORG.toString(),
                                "guaranteeProductId",
                                UUID.randomUUID().toString()))));
        cases.add(new Case(
                "policyBasis",
                with(with(bid(400), "policyBasis", List.of("ip_pledge")), "riskSplit", split(4500, 0, 5500))));
        cases.add(new Case(
                "loanProductId",
                with(bid(400), "loanProductId", UUID.randomUUID().toString())));
        cases.add(new Case(
                "policyBasis",
                with(with(bid(400), "policyBasis", List.of("first_loan")), "riskSplit", split(4500, 0, 5500))));
        cases.add(new Case("feesFen", with(bid(400), "feesFen", 300_000_001L)));

        for (Case c : cases) {
            Response response = api.post(path, c.bid()).as(token("bank-a")).send();
            assertThat(response.status()).as(c.field() + ": " + response).isEqualTo(400);
            assertThat(response.json().get("errors").findValuesAsString("field"))
                    .as(c.field())
                    .contains(c.field());
        }
        assertThat(bidsOn(requestId)).isZero();

        // a first loan, under the bank's first-loan product, lets the fund take 5 points more
        Map<String, Object> firstLoanBid =
                with(with(bid(400), "policyBasis", List.of("first_loan")), "riskSplit", split(4500, 0, 5500));
        firstLoanBid.put("loanProductId", activeLoanProduct("bank-a"));
        Response firstLoan = api.post(path, firstLoanBid).as(token("bank-a")).send();
        assertThat(firstLoan.status()).as(firstLoan.toString()).isEqualTo(201);
        // one live bid per bank
        assertThat(api.post(path, bid(390)).as(token("bank-a")).send().status()).isEqualTo(409);
    }

    @Test
    void givenTheGuarantorDeclinesTheBankWithdrawsOrPasses_thenEachIsRecordedWithItsReasonAndTheBidCannotWin() {
        String guaranteeProductId = activeGuaranteeProduct();
        String requestId = openRequest("担保拒绝 " + uniqueWord());
        Map<String, Object> guaranteed = bid(400);
        guaranteed.put(
                "guarantee",
                Map.of("guarantorOrganizationId", GUARANTOR_ORG.toString(), "guaranteeProductId", guaranteeProductId));
        guaranteed.put("riskSplit", split(3000, 3000, 4000));
        String bidId = api.post("/financing-requests/" + requestId + "/bids", guaranteed)
                .as(token("bank-a"))
                .send()
                .json()
                .get("id")
                .asString();

        String decision = "/bids/" + bidId + "/guarantor-decision";
        // a decline says why, a confirmation does not; each refusal names the field and changes nothing
        assertThat(fieldErrorsOf(api.post(decision, Map.of("decision", "declined"))
                        .as(token("guarantor"))
                        .send()))
                .containsOnlyKeys("reason");
        assertThat(fieldErrorsOf(api.post(decision, Map.of("decision", "declined", "reason", "other"))
                        .as(token("guarantor"))
                        .send()))
                .containsOnlyKeys("note");
        assertThat(fieldErrorsOf(api.post(decision, Map.of("decision", "confirmed", "reason", "term_too_long"))
                        .as(token("guarantor"))
                        .send()))
                .containsOnlyKeys("reason");
        assertThat(fieldErrorsOf(api.post(decision, Map.of("decision", "confirmed", "note", "没问题"))
                        .as(token("guarantor"))
                        .send()))
                .containsOnlyKeys("note");
        assertThat(api.get("/bids/" + bidId)
                        .as(token("bank-a"))
                        .send()
                        .json()
                        .get("guarantorDecision")
                        .asString())
                .isEqualTo("pending");

        Response declined = api.post(
                        decision,
                        Map.of("decision", "declined", "reason", "collateral_insufficient", "note", "厂房抵押已设二押"))
                .as(token("guarantor"))
                .send();
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.json().get("guarantorDecision").asString()).isEqualTo("declined");
        assertThat(declined.json().get("guarantorDeclineReason").asString()).isEqualTo("collateral_insufficient");
        assertThat(declined.json().get("guarantorDeclineNote").asString()).isEqualTo("厂房抵押已设二押");
        assertThat(api.post(decision, Map.of("decision", "confirmed"))
                        .as(token("guarantor"))
                        .send()
                        .status())
                .isEqualTo(409);
        // the bank and the firm read why
        JsonNode seenByBank =
                api.get("/bids/" + bidId).as(token("bank-a")).send().json();
        assertThat(seenByBank.get("guarantorDeclineReason").asString()).isEqualTo("collateral_insufficient");
        assertThat(seenByBank.get("guarantorDeclineNote").asString()).isEqualTo("厂房抵押已设二押");
        JsonNode seenByFirm = row(comparison(requestId), bidId).get("bid");
        assertThat(seenByFirm.get("guarantorDeclineReason").asString()).isEqualTo("collateral_insufficient");
        assertThat(seenByFirm.get("guarantorDeclineNote").asString()).isEqualTo("厂房抵押已设二押");
        assertThat(afterState(UUID.fromString(bidId), "bid.guarantee-declined")
                        .at("/guarantee/declineReason/code")
                        .asString())
                .isEqualTo("collateral_insufficient");
        assertThat(row(comparison(requestId), bidId).get("ineligibleBecause").asString())
                .isEqualTo("guarantor_declined");
        assertThat(api.post("/bids/" + bidId + "/acceptance", null)
                        .as(token("enterprise"))
                        .send()
                        .status())
                .isEqualTo(409);

        Response withdrawn = api.post("/bids/" + bidId + "/withdrawal", null)
                .as(token("bank-a"))
                .send();
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("withdrawn");
        assertThat(api.post("/bids/" + bidId + "/withdrawal", null)
                        .as(token("bank-a"))
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(comparison(requestId).get("items").size()).isZero();

        String pass = "/financing-requests/" + requestId + "/pass";
        String answer = "/financing-requests/" + requestId + "/bank-response";
        Response notYet = api.get(answer).as(token("bank-b")).send();
        assertThat(notYet.status()).as("no answer yet").isEqualTo(404);
        assertThat(notYet.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(fieldErrorsOf(api.post(pass, Map.of("reason", "other"))
                        .as(token("bank-b"))
                        .send()))
                .containsOnlyKeys("note");
        assertThat(fieldErrorsOf(api.post(pass, Map.of("note", "不做这个行业"))
                        .as(token("bank-b"))
                        .send()))
                .containsOnlyKeys("reason");
        assertThat(jdbc.sql("""
                                select count(*) from bank_response where bank_organization_id = :bank
                                and financing_request_id = :id and response is not null""")
                        .param("bank", BANK_B_ORG)
                        .param("id", UUID.fromString(requestId))
                        .query(Integer.class)
                        .single())
                .as("a refused pass records nothing")
                .isZero();
        Response passed = api.post(pass, Map.of("reason", "no_capacity_now", "note", "本季度信贷额度已用完"))
                .as(token("bank-b"))
                .send();
        assertThat(passed.status()).as(passed.toString()).isEqualTo(200);
        assertThat(passed.json().get("response").asString()).isEqualTo("passed");
        assertThat(passed.json().get("reason").asString()).isEqualTo("no_capacity_now");
        assertThat(passed.json().get("note").asString()).isEqualTo("本季度信贷额度已用完");
        assertThat(jdbc.sql("""
                                select response || ' ' || pass_reason || ' ' || pass_note from bank_response
                                where bank_organization_id = :bank and financing_request_id = :id""")
                        .param("bank", BANK_B_ORG)
                        .param("id", UUID.fromString(requestId))
                        .query(String.class)
                        .single())
                .isEqualTo("passed no_capacity_now 本季度信贷额度已用完");
        JsonNode audited = afterState(UUID.fromString(requestId), "bank-response.passed");
        assertThat(audited.get("bankOrganizationId").asString()).isEqualTo(BANK_B_ORG.toString());
        assertThat(audited.get("reason").asString()).isEqualTo("no_capacity_now");
        assertThat(audited.get("note").asString()).isEqualTo("本季度信贷额度已用完");
        // the first answer counts, its reason too; the bank reads it back as it was recorded
        Response again = api.post(pass, Map.of("reason", "credit_concerns"))
                .as(token("bank-b"))
                .send();
        assertThat(again.json().get("reason").asString()).isEqualTo("no_capacity_now");
        assertThat(again.json().get("respondedAt").asString())
                .isEqualTo(passed.json().get("respondedAt").asString());
        Response readBack = api.get(answer).as(token("bank-b")).send();
        assertThat(readBack.status()).as(readBack.toString()).isEqualTo(200);
        assertThat(readBack.json()).isEqualTo(passed.json());
        assertThat(api.get(answer)
                        .as(token("bank-a"))
                        .send()
                        .json()
                        .get("response")
                        .asString())
                .isEqualTo("bid");
        // bank A bid first: passing now keeps its answer, a bid, and takes no reason
        Response afterBid = api.post(pass, Map.of("reason", "term_does_not_fit"))
                .as(token("bank-a"))
                .send();
        assertThat(afterBid.json().get("response").asString()).isEqualTo("bid");
        assertThat(afterBid.json().has("reason")).isFalse();
        assertThat(auditActions(UUID.fromString(bidId))).contains("bid.guarantee-declined", "bid.withdrawn");
    }

    @Test
    void givenABankPassesWithoutABody_whenRecorded_thenItPassedWithNoReason() {
        String requestId = openRequest("不说原因 " + uniqueWord());

        Response passed = api.post("/financing-requests/" + requestId + "/pass", null)
                .as(token("bank-a"))
                .send();

        assertThat(passed.status()).as(passed.toString()).isEqualTo(200);
        assertThat(passed.json().get("response").asString()).isEqualTo("passed");
        assertThat(passed.json().has("reason")).isFalse();
        assertThat(passed.json().has("note")).isFalse();
        assertThat(respondedAt(BANK_A_ORG, requestId)).isNotNull();
        assertThat(afterState(UUID.fromString(requestId), "bank-response.passed")
                        .get("reason")
                        .isNull())
                .isTrue();
    }

    @Test
    void givenADraftBid_whenTheBankAsksForAQuote_thenItsCostAndLimitsAsTheComparisonWouldShowAndNothingStored() {
        String loanProductId = activeLoanProduct("bank-a");
        String guaranteeProductId = activeGuaranteeProduct(); // covers 80 %
        String requestId = openRequest("报价试算 " + uniqueWord());
        String path = "/financing-requests/" + requestId + "/bid-quotes";
        Map<String, Object> draft = bid(380);
        draft.put("feesFen", 300_000L);
        draft.put("loanProductId", loanProductId);
        draft.put(
                "guarantee",
                Map.of("guarantorOrganizationId", GUARANTOR_ORG.toString(), "guaranteeProductId", guaranteeProductId));
        draft.put("riskSplit", split(3000, 3000, 4000));

        Response quote = api.post(path, draft).as(token("bank-a")).send();
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        JsonNode q = quote.json();
        assertThat(q.get("fundExposureFen").asLong()).isEqualTo(120_000_000L);
        assertThat(q.get("guaranteeCoverageBp").asInt()).isEqualTo(8000);
        assertThat(q.get("minBankShareBp").asInt()).isPositive();
        assertThat(q.get("fundCapBp").asInt()).isEqualTo(q.get("maxFundShareBp").asInt());
        assertThat(q.get("totalAnnualCostFen").asLong())
                .isEqualTo(q.get("annualInterestFen").asLong()
                        + q.get("annualGuaranteeFeeFen").asLong()
                        + q.get("annualOtherFeesFen").asLong());
        assertThat(bidsOn(requestId)).as("a quote stores no bid").isZero();
        assertThat(jdbc.sql(
                                "select count(*) from bank_response where bank_organization_id = :bank and financing_request_id = :id and responded_at is not null")
                        .param("bank", BANK_A_ORG)
                        .param("id", UUID.fromString(requestId))
                        .query(Integer.class)
                        .single())
                .as("a quote is not the bank's answer")
                .isZero();

        // the same draft, submitted and compared, costs what the quote said
        Response submitted = api.post("/financing-requests/" + requestId + "/bids", draft)
                .as(token("bank-a"))
                .send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        JsonNode row = row(comparison(requestId), submitted.json().get("id").asString());
        assertThat(row.get("totalAnnualCostFen").asLong())
                .isEqualTo(q.get("totalAnnualCostFen").asLong());
        assertThat(row.get("effectiveAnnualRateBp").asInt())
                .isEqualTo(q.get("effectiveAnnualRateBp").asInt());

        // a raised rate costs more; without a guarantee there is no coverage to tell
        Response cheaper = api.post(path, bid(400)).as(token("bank-b")).send();
        Response dearer = api.post(path, bid(450)).as(token("bank-b")).send();
        assertThat(dearer.status()).as(dearer.toString()).isEqualTo(200);
        assertThat(dearer.json().get("totalAnnualCostFen").asLong())
                .isGreaterThan(cheaper.json().get("totalAnnualCostFen").asLong());
        assertThat(dearer.json().has("guaranteeCoverageBp")).isFalse();

        // checked as a bid is: a split not making 100 % names the field; a guarantor and others may not ask
        Response invalid = api.post(path, with(bid(400), "riskSplit", split(5000, 0, 4000)))
                .as(token("bank-a"))
                .send();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("riskSplit");
        assertThat(api.post(path, bid(400)).as(token("guarantor")).send().status())
                .isEqualTo(403);
        assertThat(api.post(path, bid(400)).as(token("newfirm")).send().status())
                .isEqualTo(403);
        assertThat(bidsOn(requestId)).isEqualTo(1);
    }

    @Test
    void givenAGuarantorAskedToBearMoreThanItCovers_whenBidding_then400() {
        String guaranteeProductId = activeGuaranteeProduct(); // covers 80 %
        String requestId = openRequest("超出担保比例 " + uniqueWord());
        Map<String, Object> tooMuch = bid(400);
        tooMuch.put(
                "guarantee",
                Map.of("guarantorOrganizationId", GUARANTOR_ORG.toString(), "guaranteeProductId", guaranteeProductId));
        tooMuch.put("riskSplit", split(2000, 8000, 0));
        assertThat(api.post("/financing-requests/" + requestId + "/bids", tooMuch)
                        .as(token("bank-a"))
                        .send()
                        .status())
                .isEqualTo(201);

        tooMuch.put("riskSplit", split(1000, 9000, 0));
        Response refused = api.post("/financing-requests/" + requestId + "/bids", tooMuch)
                .as(token("bank-b"))
                .send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).contains("riskSplit.guarantorShareBp");
    }

    @Test
    void givenAGuaranteeProductForAnIndustry_whenBiddingOnARequestOfAnIndustryBelowIt_thenTheGuaranteeFits() {
        String requestId = openRequest("担保产业层级 " + uniqueWord()); // cured-pork, under food-processing
        Map<String, Object> foodGuarantee = bid(400);
        foodGuarantee.put(
                "guarantee",
                Map.of(
                        "guarantorOrganizationId",
                        GUARANTOR_ORG.toString(),
                        "guaranteeProductId",
                        activeGuaranteeProduct(List.of("food-processing"))));
        foodGuarantee.put("riskSplit", split(3000, 3000, 4000));
        Map<String, Object> lacquerGuarantee = new java.util.LinkedHashMap<>(foodGuarantee);
        lacquerGuarantee.put(
                "guarantee",
                Map.of(
                        "guarantorOrganizationId",
                        GUARANTOR_ORG.toString(),
                        "guaranteeProductId",
                        activeGuaranteeProduct(List.of("lacquer-craft"))));

        Response otherIndustry = api.post("/financing-requests/" + requestId + "/bids", lacquerGuarantee)
                .as(token("bank-b"))
                .send();
        assertThat(otherIndustry.status()).as(otherIndustry.toString()).isEqualTo(400);
        assertThat(otherIndustry.json().get("errors").findValuesAsString("field"))
                .contains("guarantee.guaranteeProductId");
        Response parentIndustry = api.post("/financing-requests/" + requestId + "/bids", foodGuarantee)
                .as(token("bank-a"))
                .send();
        assertThat(parentIndustry.status()).as(parentIndustry.toString()).isEqualTo(201);
    }

    @Test
    void givenTheBankWithdrawsItsBidWhileTheFirmAccepts_whenRacing_thenNeverAnAwardOfAWithdrawnBid() throws Exception {
        for (int trial = 0; trial < 5; trial++) {
            String requestId = openRequest("授标与撤标 " + trial);
            String bidId = api.post("/financing-requests/" + requestId + "/bids", bid(400))
                    .as(token("bank-a"))
                    .send()
                    .json()
                    .get("id")
                    .asString();

            List<Response> answers = AtOnce.send(
                    () -> api.post("/bids/" + bidId + "/acceptance", null)
                            .as(token("enterprise"))
                            .send(),
                    () -> api.post("/bids/" + bidId + "/withdrawal", null)
                            .as(token("bank-a"))
                            .send());

            assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
            String status = api.get("/financing-requests/" + requestId)
                    .as(token("enterprise"))
                    .send()
                    .json()
                    .get("status")
                    .asString();
            String bidStatus = api.get("/bids/" + bidId)
                    .as(token("bank-a"))
                    .send()
                    .json()
                    .get("status")
                    .asString();
            assertThat(List.of(status, bidStatus)).isIn(List.of("awarded", "accepted"), List.of("open", "withdrawn"));
        }
    }

    @Test
    void givenUnverifiedBankOrWrongRole_whenBidding_thenForbidden() {
        String requestId = openRequest("未认证银行 " + uniqueWord());
        String path = "/financing-requests/" + requestId + "/bids";
        assertThat(api.post(path, bid(400)).as(token("guarantor")).send().status())
                .isEqualTo(403);
        assertThat(api.post(path, bid(400)).as(token("enterprise")).send().status())
                .isEqualTo(403);

        jdbc.sql("update organization set verified_at = null where id = :id")
                .param("id", BANK_B_ORG)
                .update();
        try {
            Response response = api.post(path, bid(400)).as(token("bank-b")).send();
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().get("type").asString())
                    .isEqualTo("https://duijie.example.cn/problems/organization-not-verified");
        } finally {
            jdbc.sql("update organization set verified_at = now() where id = :id")
                    .param("id", BANK_B_ORG)
                    .update();
        }
        assertThat(bidsOn(requestId)).isZero();
    }

    @Test
    void givenTheFundIsNearlyFull_whenABidNeedsMoreThanIsLeft_thenRefusedWithAClearProblem() {
        String requestId = openRequest("资金池容量 " + uniqueWord());
        Response fund = api.get("/risk-fund").as(token("regulator")).send();
        JsonNode policy = fund.json();
        long reserved = policy.get("reservedFen").asLong();
        try {
            Response shrunk = api.put("/risk-fund", fundPolicy(policy, reserved + 100_000_000L))
                    .as(token("regulator"))
                    .header("If-Match", fund.header("ETag").orElseThrow())
                    .send();
            assertThat(shrunk.status()).as(shrunk.toString()).isEqualTo(200);
            assertThat(shrunk.json().get("availableFen").asLong()).isEqualTo(100_000_000L);

            Response refused = api.post("/financing-requests/" + requestId + "/bids", bid(400))
                    .as(token("bank-a"))
                    .send();

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("type").asString())
                    .isEqualTo("https://duijie.example.cn/problems/fund-capacity-exceeded");
            assertThat(refused.json().get("detail").asString())
                    .contains("150 万元")
                    .doesNotContain("100 万元");
            Response belowReserved = api.put("/risk-fund", fundPolicy(policy, reserved - 1))
                    .as(token("regulator"))
                    .header("If-Match", "*")
                    .send();
            assertThat(belowReserved.status()).isEqualTo(400);
            assertThat(api.put("/risk-fund", fundPolicy(policy, reserved))
                            .as(token("bank-a"))
                            .header("If-Match", "*")
                            .send()
                            .status())
                    .isEqualTo(403);
        } finally {
            api.put("/risk-fund", fundPolicy(policy, policy.get("capacityFen").asLong()))
                    .as(token("regulator"))
                    .header("If-Match", "*")
                    .send();
        }
        assertThat(bidsOn(requestId)).isZero();
    }

    @Test
    void givenTheFundPolicyTightensAfterABid_whenComparingAndAccepting_thenTheBidIsIneligible() {
        String requestId = openRequest("政策收紧 " + uniqueWord());
        Response fund = api.get("/risk-fund").as(token("regulator")).send();
        JsonNode policy = fund.json();
        Map<String, Object> bid = bid(400);
        int fundShare = policy.get("maxFundShareBp").asInt();
        bid.put("riskSplit", split(10_000 - fundShare, 0, fundShare)); // the most the fund may take today
        String bidId = api.post("/financing-requests/" + requestId + "/bids", bid)
                .as(token("bank-a"))
                .send()
                .json()
                .get("id")
                .asString();
        assertThat(row(comparison(requestId), bidId).has("ineligibleBecause")).isFalse();
        try {
            Map<String, Object> tighter = new java.util.HashMap<>(
                    fundPolicy(policy, policy.get("capacityFen").asLong()));
            tighter.put("maxFundShareBp", fundShare - 1000);
            assertThat(api.put("/risk-fund", tighter)
                            .as(token("regulator"))
                            .header("If-Match", "*")
                            .send()
                            .status())
                    .isEqualTo(200);

            assertThat(row(comparison(requestId), bidId)
                            .get("ineligibleBecause")
                            .asString())
                    .isEqualTo("outside_fund_policy");
            Response accepted = api.post("/bids/" + bidId + "/acceptance", null)
                    .as(token("enterprise"))
                    .send();
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(409);
            assertThat(accepted.json().get("type").asString()).endsWith("/bid-not-eligible");
            assertThat(api.get("/financing-requests/" + requestId)
                            .as(token("enterprise"))
                            .send()
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("open");
        } finally {
            api.put("/risk-fund", fundPolicy(policy, policy.get("capacityFen").asLong()))
                    .as(token("regulator"))
                    .header("If-Match", "*")
                    .send();
        }
        // the policy as it was: the bid is eligible again and can win
        assertThat(row(comparison(requestId), bidId).has("ineligibleBecause")).isFalse();
        assertThat(api.post("/bids/" + bidId + "/acceptance", null)
                        .as(token("enterprise"))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void givenTheDeadlinePassesWithoutAnAward_whenTheExpiryJobRuns_thenTheRequestExpiresAndItsBidsAreDeclined()
            throws Exception {
        String requestId = openRequest("到期未授标 " + uniqueWord());
        String bidId = api.post("/financing-requests/" + requestId + "/bids", bid(400))
                .as(token("bank-a"))
                .send()
                .json()
                .get("id")
                .asString();

        // time passes: the deadline is now behind us
        jdbc.sql("update financing_request set bid_deadline = now() - interval '1 minute' where id = :id")
                .param("id", UUID.fromString(requestId))
                .update();

        String status = Eventually.until(
                "the expiry job to close request " + requestId,
                Duration.ofSeconds(10),
                () -> api.get("/financing-requests/" + requestId)
                        .as(token("enterprise"))
                        .send()
                        .json()
                        .get("status")
                        .asString(),
                seen -> !seen.equals("open"));
        assertThat(status).isEqualTo("expired");
        assertThat(api.get("/bids/" + bidId)
                        .as(token("bank-a"))
                        .send()
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("declined");
        assertThat(auditActions(UUID.fromString(requestId))).contains("financing-request.expired");
    }

    @Test
    void givenARequestNoProductAdmits_whenItOpens_thenNoBanksResponseClockRuns() {
        activeLoanProduct("bank-a");
        String enterprise = token("enterprise");
        Map<String, Object> draft = financingDraft("低息需求 " + uniqueWord());
        draft.put("maxAnnualRateBp", 1); // below every product's minimum rate
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

        assertThat(jdbc.sql("select count(*) from bank_response where financing_request_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private String activeLoanProduct(String bank) {
        return activeOffer("/loan-products", loanProduct("特色产业贷 " + uniqueWord()), bank);
    }

    private String activeGuaranteeProduct() {
        return activeGuaranteeProduct(List.of());
    }

    private String activeGuaranteeProduct(List<String> industries) {
        Map<String, Object> product = guaranteeProduct("助企担保 " + uniqueWord());
        product.put("industries", industries);
        return activeOffer("/guarantee-products", product, "guarantor");
    }

    private String openRequest(String title) {
        return publishedRequest(title, 14);
    }

    private JsonNode comparison(String requestId) {
        Response response = api.get("/financing-requests/" + requestId + "/bid-comparison")
                .as(token("enterprise"))
                .send();
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode row(JsonNode comparison, String bidId) {
        for (JsonNode row : comparison.get("items")) {
            if (row.at("/bid/id").asString().equals(bidId)) {
                return row;
            }
        }
        throw new AssertionError("bid " + bidId + " not in the comparison");
    }

    private static List<String> ids(Response page) {
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        map.put(key, value);
        return map;
    }

    private static Map<String, Object> fundPolicy(JsonNode current, long capacityFen) {
        return Map.of(
                "maxFundShareBp",
                current.get("maxFundShareBp").asInt(),
                "minBankShareBp",
                current.get("minBankShareBp").asInt(),
                "firstLoanBonusBp",
                current.get("firstLoanBonusBp").asInt(),
                "ipPledgeBonusBp",
                current.get("ipPledgeBonusBp").asInt(),
                "capacityFen",
                capacityFen);
    }

    private long reservedFen() {
        return jdbc.sql("select reserved_fen from risk_fund").query(Long.class).single();
    }

    private int bidsOn(String requestId) {
        return jdbc.sql("select count(*) from bid where financing_request_id = :id")
                .param("id", UUID.fromString(requestId))
                .query(Integer.class)
                .single();
    }

    private Object bankResponse(UUID bank, String requestId) {
        return jdbc.sql(
                        "select opened_at from bank_response where bank_organization_id = :bank and financing_request_id = :id")
                .param("bank", bank)
                .param("id", UUID.fromString(requestId))
                .query(Object.class)
                .optional()
                .orElse(null);
    }

    private Object respondedAt(UUID bank, String requestId) {
        return jdbc.sql(
                        "select responded_at from bank_response where bank_organization_id = :bank and financing_request_id = :id")
                .param("bank", bank)
                .param("id", UUID.fromString(requestId))
                .query(Object.class)
                .optional()
                .orElse(null);
    }

    /** The state an entity's latest audit event of this action recorded. */
    private JsonNode afterState(UUID entityId, String action) {
        String json = jdbc.sql("""
                        select after_state::text from audit_event where entity_id = :id and action = :action
                        order by occurred_at desc limit 1""")
                .param("id", entityId)
                .param("action", action)
                .query(String.class)
                .single();
        return JsonMapper.builder().build().readTree(json);
    }

    /** A 400's field errors, field → message. */
    private static Map<String, String> fieldErrorsOf(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        Map<String, String> errors = new LinkedHashMap<>();
        response.json()
                .get("errors")
                .forEach(e ->
                        errors.put(e.get("field").asString(), e.get("message").asString()));
        return errors;
    }

    private List<String> auditActions(UUID entityId) {
        return jdbc.sql("select action from audit_event where entity_id = :id")
                .param("id", entityId)
                .query(String.class)
                .list();
    }
}
