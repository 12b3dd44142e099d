package dev.duijie.bidding;

import static dev.duijie.web.AsAnswered.fieldErrors;
import static dev.duijie.web.AsAnswered.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.entry;

import dev.duijie.financing.RequestContent;
import dev.duijie.offer.GuaranteeTerms;
import dev.duijie.offer.LoanTerms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/**
 * A bid's terms and risk split as the bank is answered: each broken rule a 400 naming the field, with the
 * sentence it reads. The policy is the county's (fund at most 50 %, +5 points for a first loan and for an IP
 * pledge; the bank at least 20 %); the request asks 3,000,000 yuan at no more than 4.80 %.
 */
class BidRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final RiskFundPolicy POLICY = new RiskFundPolicy(5000, 2000, 500, 500, 50_000_000_000L);
    private static final RequestContent REQUEST = request(List.of("real_estate", "equipment"));
    private static final UUID GUARANTOR = UUID.randomUUID();

    // ---------------------------------------------------------------------------------------- the split

    @Test
    void givenSharesNotMakingTheWholeLoan_whenBidding_thenTheSplitIsRefusedWithItsSum() {
        ProblemDetail answer = refusal(() -> BidRules.checkRiskSplit(terms(split(5000, 0, 4000)), REQUEST, POLICY));

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getType().toString()).isEqualTo("https://duijie.example.cn/problems/validation-failed");
        assertThat(fieldErrors(answer)).containsExactly(entry("riskSplit", "各方分担比例之和须为 100%，现为 90%"));
    }

    @Test
    void givenSharesNotMakingTheWholeLoan_whenAnEnglishReaderBids_thenTheSumIsAPercentageToo() {
        ProblemDetail answer =
                refusal(Locale.ENGLISH, () -> BidRules.checkRiskSplit(terms(split(5000, 125, 4000)), REQUEST, POLICY));

        assertThat(fieldErrors(answer))
                .containsExactly(entry("riskSplit", "the shares must add up to 100%; they add up to 91.25%"));
    }

    @Test
    void givenTheFundAtItsCap_whenBidding_thenTheSplitIsTaken() {
        assertThatNoException().isThrownBy(() -> BidRules.checkRiskSplit(terms(split(5000, 0, 5000)), REQUEST, POLICY));
    }

    @Test
    void givenTheFundAboveItsCap_whenBidding_thenRefusedNamingTheCap() {
        ProblemDetail answer = refusal(() -> BidRules.checkRiskSplit(terms(split(4000, 0, 6000)), REQUEST, POLICY));

        assertThat(fieldErrors(answer)).containsExactly(entry("riskSplit.fundShareBp", "资金池对该笔贷款最多分担 50%"));
    }

    @Test
    void givenAFirstLoan_whenTheFundTakesItsBonusMore_thenTakenAndOnePointMoreIsRefusedNamingTheRaisedCap() {
        BidTerms firstLoan = terms(split(4500, 0, 5500), List.of("first_loan"));
        BidTerms beyond = terms(split(4499, 0, 5501), List.of("first_loan"));

        assertThatNoException().isThrownBy(() -> BidRules.checkRiskSplit(firstLoan, REQUEST, POLICY));
        assertThat(fieldErrors(refusal(() -> BidRules.checkRiskSplit(beyond, REQUEST, POLICY))))
                .containsExactly(entry("riskSplit.fundShareBp", "资金池对该笔贷款最多分担 55%"));
    }

    @Test
    void givenAnIpPledgeOnARequestPledgingIp_whenTheFundTakesBothBonuses_thenTaken() {
        RequestContent pledgingIp = request(List.of("intellectual_property"));
        BidTerms both = terms(split(4000, 0, 6000), List.of("first_loan", "ip_pledge"));

        assertThatNoException().isThrownBy(() -> BidRules.checkRiskSplit(both, pledgingIp, POLICY));
        assertThat(POLICY.fundCapBp(List.of("first_loan", "ip_pledge"))).isEqualTo(6000);
    }

    @Test
    void givenAnIpPledgeClaimedOnARequestWithoutIpCollateral_whenBidding_thenThePolicyBasisIsRefused() {
        BidTerms ipPledge = terms(split(4500, 0, 5500), List.of("ip_pledge"));

        assertThat(fieldErrors(refusal(() -> BidRules.checkRiskSplit(ipPledge, REQUEST, POLICY))))
                .containsExactly(entry("policyBasis", "ip_pledge 要求需求中提供知识产权质押"));
    }

    @Test
    void givenTheBankBelowItsFloor_whenBidding_thenRefusedNamingTheFloor() {
        ProblemDetail answer = refusal(() -> BidRules.checkRiskSplit(terms(split(1500, 0, 8500)), REQUEST, POLICY));

        // the floor is told before the fund's cap, though both are broken
        assertThat(fieldErrors(answer)).containsExactly(entry("riskSplit.bankShareBp", "银行至少承担 20%"));
    }

    @Test
    void givenAGuarantorShareWithoutAGuarantor_whenBidding_thenTheGuarantorShareIsRefused() {
        ProblemDetail answer = refusal(() -> BidRules.checkRiskSplit(terms(split(5000, 1000, 4000)), REQUEST, POLICY));

        assertThat(fieldErrors(answer)).containsExactly(entry("riskSplit.guarantorShareBp", "未指定担保机构时须为 0"));
    }

    @Test
    void givenAGuarantorNamedWithNoShare_whenBidding_thenTheGuarantorShareIsRefused() {
        BidTerms guaranteedForNothing = withGuarantor(split(5000, 0, 5000));

        assertThat(fieldErrors(refusal(() -> BidRules.checkRiskSplit(guaranteedForNothing, REQUEST, POLICY))))
                .containsExactly(entry("riskSplit.guarantorShareBp", "指定担保机构时须大于 0"));
    }

    @Test
    void givenAGuarantorAndAShareForIt_whenBidding_thenTheSplitIsTaken() {
        assertThatNoException()
                .isThrownBy(() -> BidRules.checkRiskSplit(withGuarantor(split(3000, 3000, 4000)), REQUEST, POLICY));
    }

    // ---------------------------------------------------------------------------------------- guarantee

    @Test
    void givenAGuarantorShareUpToItsCoverage_whenBidding_thenTakenAndAboveItRefusedNamingTheCoverage() {
        assertThatNoException().isThrownBy(() -> BidRules.checkGuarantorShare(split(2000, 8000, 0), 8000));

        assertThat(fieldErrors(refusal(() -> BidRules.checkGuarantorShare(split(1000, 9000, 0), 8000))))
                .containsExactly(entry("riskSplit.guarantorShareBp", "担保机构分担不能超过其产品担保比例 80%"));
    }

    @Test
    void givenAnAcceptedGuaranteeOffer_whenItBindsABidNamingIt_thenConfirmedUpToItsCoverageAndDeclinedAbove() {
        assertThat(BidRules.decisionUnderAcceptedCoverage(split(3000, 7000, 0), 7000))
                .isEqualTo(GuarantorDecision.CONFIRMED);
        assertThat(BidRules.decisionUnderAcceptedCoverage(split(2000, 8000, 0), 7000))
                .isEqualTo(GuarantorDecision.DECLINED);
    }

    @Test
    void givenAGuarantorsOwnOffer_whenCoveringMoreThanItsProduct_thenTheCoverageIsRefusedNamingTheProducts() {
        GuaranteeTerms product = guaranteeProduct(List.of());

        assertThatNoException()
                .isThrownBy(() -> BidRules.checkGuaranteeOffer(
                        offer(8000, NOW.plus(Duration.ofDays(30))), product, "small", NOW));
        assertThat(fieldErrors(refusal(() -> BidRules.checkGuaranteeOffer(
                        offer(9000, NOW.plus(Duration.ofDays(30))), product, "small", NOW))))
                .containsExactly(entry("coverageRatioBp", "不得超过该产品的担保比例 80%"));
    }

    @Test
    void givenAGuarantorsOwnOffer_whenItsProductServesOtherTiersOrItHasExpired_thenRefusedNamingWhich() {
        assertThat(fieldErrors(refusal(() -> BidRules.checkGuaranteeOffer(
                        offer(7000, NOW.plus(Duration.ofDays(30))),
                        guaranteeProduct(List.of("medium")),
                        "small",
                        NOW))))
                .containsExactly(entry("guaranteeProductId", "该担保产品不服务该规模的企业"));
        assertThat(fieldErrors(refusal(() -> BidRules.checkGuaranteeOffer(
                        offer(7000, NOW.minusSeconds(3600)), guaranteeProduct(List.of()), "small", NOW))))
                .containsExactly(entry("validUntil", "须在当前时间之后且不超过 180 天"));
    }

    // ---------------------------------------------------------------------------------------- terms

    @Test
    void givenARateAtTheFirmsMaximum_whenBidding_thenTakenAndAboveItRefusedNamingTheMaximum() {
        assertThatNoException()
                .isThrownBy(() -> BidRules.checkTerms(terms(480, 0, NOW.plus(Duration.ofDays(30))), REQUEST, NOW));

        assertThat(fieldErrors(refusal(
                        () -> BidRules.checkTerms(terms(490, 0, NOW.plus(Duration.ofDays(30))), REQUEST, NOW))))
                .containsExactly(entry("annualRateBp", "不能高于需求可接受的最高年利率 4.8%"));
        assertThat(fieldErrors(refusal(
                        Locale.ENGLISH,
                        () -> BidRules.checkTerms(terms(490, 0, NOW.plus(Duration.ofDays(30))), REQUEST, NOW))))
                .containsExactly(
                        entry("annualRateBp", "must not exceed the request's maximum acceptable rate of 4.8%"));
    }

    @Test
    void givenMoreThanTheRequestAsks_whenBidding_thenTheAmountIsRefusedNamingTheRequestsAmount() {
        BidTerms tooMuch = new BidTerms(
                300_000_001L,
                400,
                36,
                0,
                null,
                NOW.plus(Duration.ofDays(30)),
                null,
                null,
                null,
                split(5000, 0, 5000),
                List.of());

        assertThat(fieldErrors(refusal(() -> BidRules.checkTerms(tooMuch, REQUEST, NOW))))
                .containsExactly(entry("amountFen", "不能超过需求金额 300 万元"));
        assertThat(fieldErrors(refusal(Locale.ENGLISH, () -> BidRules.checkTerms(tooMuch, REQUEST, NOW))))
                .containsExactly(entry("amountFen", "must not exceed the requested amount of 3,000,000 yuan"));
    }

    @Test
    void givenFeesAboveTheAmount_whenBidding_thenTheFeesAreRefusedAndFeesOfTheWholeAmountTaken() {
        assertThat(fieldErrors(refusal(() ->
                        BidRules.checkTerms(terms(400, 300_000_001L, NOW.plus(Duration.ofDays(30))), REQUEST, NOW))))
                .containsExactly(entry("feesFen", "一次性费用不能超过贷款金额"));
        assertThatNoException()
                .isThrownBy(() ->
                        BidRules.checkTerms(terms(400, 300_000_000L, NOW.plus(Duration.ofDays(30))), REQUEST, NOW));
    }

    @Test
    void givenValidityFromNowTo180Days_whenBidding_thenOnlyTheWindowIsTaken() {
        for (Instant outside : List.of(
                NOW, NOW.minusSeconds(60), NOW.plus(Duration.ofDays(180)).plusSeconds(1))) {
            assertThat(fieldErrors(refusal(() -> BidRules.checkTerms(terms(400, 0, outside), REQUEST, NOW))))
                    .as("valid until %s", outside)
                    .containsExactly(entry("validUntil", "须在当前时间之后且不超过 180 天"));
        }
        for (Instant inside : List.of(NOW.plusSeconds(1), NOW.plus(Duration.ofDays(180)))) {
            assertThatNoException()
                    .as("valid until %s", inside)
                    .isThrownBy(() -> BidRules.checkTerms(terms(400, 0, inside), REQUEST, NOW));
        }
    }

    @Test
    void givenAFirstLoanClaimed_whenTheBidNamesNoFirstLoanProduct_thenThePolicyBasisIsRefused() {
        String expected = "首贷政策须在贵行标注为首贷的贷款产品下申报（请填写 loanProductId）";
        assertThat(fieldErrors(refusal(() -> BidRules.checkFirstLoanClaim(List.of("first_loan"), null))))
                .containsExactly(entry("policyBasis", expected));
        assertThat(fieldErrors(
                        refusal(() -> BidRules.checkFirstLoanClaim(List.of("first_loan"), loanProduct(List.of())))))
                .containsExactly(entry("policyBasis", expected));

        assertThatNoException()
                .isThrownBy(
                        () -> BidRules.checkFirstLoanClaim(List.of("first_loan"), loanProduct(List.of("first_loan"))));
        assertThatNoException().isThrownBy(() -> BidRules.checkFirstLoanClaim(List.of(), null));
    }

    // ---------------------------------------------------------------------------------------- the fund's capacity

    @Test
    void givenAnExposureAboveWhatTheFundHasLeft_whenBidding_then409NamingTheExposureNotWhatIsLeft() {
        RiskFund nearlyFull = new RiskFund(POLICY, POLICY.capacityFen() - 100_000_000L, 7, NOW);

        ProblemDetail answer = refusal(() -> BidRules.checkFundCapacity(150_000_000L, nearlyFull));

        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(answer.getType().toString()).isEqualTo("https://duijie.example.cn/problems/fund-capacity-exceeded");
        assertThat(answer.getDetail()).isEqualTo("风险补偿资金池目前无法承担该笔风险敞口（150 万元）。请降低资金池分担比例或金额。");
        assertThat(refusal(Locale.ENGLISH, () -> BidRules.checkFundCapacity(150_000_000L, nearlyFull))
                        .getDetail())
                .isEqualTo("The risk-compensation fund cannot take this exposure (1,500,000 yuan) now. Lower the fund's"
                        + " share or the amount.");
        assertThatNoException().isThrownBy(() -> BidRules.checkFundCapacity(100_000_000L, nearlyFull));
    }

    @Test
    void givenASplit_whenItsExposureIsComputed_thenTheFundsShareOfTheAmountRoundedDownToTheFen() {
        assertThat(split(3000, 3000, 4000).fundExposureFen(300_000_000L)).isEqualTo(120_000_000L);
        assertThat(split(5000, 0, 5000).fundExposureFen(3L)).isEqualTo(1L);
    }

    // ---------------------------------------------------------------------------------------- acceptance

    @Test
    void givenBidsInEachState_whenTheFirmComparesThem_thenEachTellsWhyItCannotBeAccepted() {
        assertThat(BidRules.ineligibility(bid(BidStatus.SUBMITTED, null, NOW.plusSeconds(60)), NOW, POLICY))
                .isNull();
        assertThat(BidRules.ineligibility(bid(BidStatus.WITHDRAWN, null, NOW.plusSeconds(60)), NOW, POLICY))
                .isEqualTo(Bid.Ineligibility.NOT_SUBMITTED);
        assertThat(BidRules.ineligibility(
                        bid(BidStatus.SUBMITTED, GuarantorDecision.PENDING, NOW.plusSeconds(60)), NOW, POLICY))
                .isEqualTo(Bid.Ineligibility.AWAITING_GUARANTOR);
        assertThat(BidRules.ineligibility(
                        bid(BidStatus.SUBMITTED, GuarantorDecision.DECLINED, NOW.plusSeconds(60)), NOW, POLICY))
                .isEqualTo(Bid.Ineligibility.GUARANTOR_DECLINED);
        assertThat(BidRules.ineligibility(
                        bid(BidStatus.SUBMITTED, GuarantorDecision.CONFIRMED, NOW.plusSeconds(60)), NOW, POLICY))
                .isNull();
        assertThat(BidRules.ineligibility(bid(BidStatus.SUBMITTED, null, NOW), NOW, POLICY))
                .isEqualTo(Bid.Ineligibility.OFFER_EXPIRED);
    }

    @Test
    void
            givenTheFundPolicyTightensAfterABid_whenTheFirmComparesIt_thenOutsideTheFundPolicyAndEligibleAgainWhenRelaxed() {
        Bid atTheCap = bid(BidStatus.SUBMITTED, null, NOW.plusSeconds(60));
        RiskFundPolicy tighter = new RiskFundPolicy(4000, 2000, 500, 500, POLICY.capacityFen());

        assertThat(BidRules.ineligibility(atTheCap, NOW, tighter)).isEqualTo(Bid.Ineligibility.OUTSIDE_FUND_POLICY);
        assertThat(BidRules.ineligibility(atTheCap, NOW, POLICY)).isNull();
        // its own state is told first
        assertThat(BidRules.ineligibility(bid(BidStatus.DECLINED, null, NOW.plusSeconds(60)), NOW, tighter))
                .isEqualTo(Bid.Ineligibility.NOT_SUBMITTED);
    }

    @Test
    void givenAnIneligibleBid_whenTheFirmAcceptsIt_then409NamingWhy() {
        ProblemDetail answer = refusal(() -> {
            throw BidRules.notEligible(Bid.Ineligibility.AWAITING_GUARANTOR);
        });

        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(answer.getType().toString()).isEqualTo("https://duijie.example.cn/problems/bid-not-eligible");
        assertThat(answer.getDetail()).isEqualTo("该报价不能被接受：awaiting_guarantor。");
    }

    // ---------------------------------------------------------------------------------------- reasons

    @Test
    void givenAPassWithOrWithoutAReason_whenChecked_thenTheReasonIsKeptAndOtherNeedsANote() {
        assertThat(BidRules.passReason(null, null)).isNull();
        assertThat(BidRules.passReason("amount_too_large", null)).isEqualTo(new Reason("amount_too_large", null));
        assertThat(BidRules.passReason("other", "本季度额度已用完")).isEqualTo(new Reason("other", "本季度额度已用完"));

        assertThat(fieldErrors(refusal(() -> BidRules.passReason("other", null))))
                .containsExactly(entry("note", "原因选“其他”时须填写说明"));
        assertThat(fieldErrors(refusal(() -> BidRules.passReason(null, "没有原因的说明"))))
                .containsExactly(entry("note", "说明须与原因一起提交，请同时选择原因"));
    }

    @Test
    void givenAGuarantorsDecision_whenChecked_thenADeclineNeedsAReasonAndAConfirmationTakesNone() {
        assertThat(BidRules.guarantorReason(GuarantorDecision.CONFIRMED, null, null))
                .isNull();
        assertThat(BidRules.guarantorReason(GuarantorDecision.DECLINED, "term_too_long", null))
                .isEqualTo(new Reason("term_too_long", null));

        ProblemDetail noReason = refusal(() -> BidRules.guarantorReason(GuarantorDecision.DECLINED, null, "不做"));
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(fieldErrors(noReason)).containsExactly(entry("reason", "拒绝担保须说明原因"));
        assertThat(fieldErrors(refusal(() -> BidRules.guarantorReason(GuarantorDecision.DECLINED, "other", null))))
                .containsExactly(entry("note", "原因选“其他”时须填写说明"));
        assertThat(fieldErrors(refusal(
                        () -> BidRules.guarantorReason(GuarantorDecision.CONFIRMED, "exposure_too_high", null))))
                .containsExactly(entry("reason", "只有拒绝担保才填写原因和说明；确认担保时请不要填写"));
        assertThat(fieldErrors(refusal(() -> BidRules.guarantorReason(GuarantorDecision.CONFIRMED, null, "顺利"))))
                .containsExactly(entry("note", "只有拒绝担保才填写原因和说明；确认担保时请不要填写"));
    }

    // ---------------------------------------------------------------------------------------- fixtures

    private static RiskSplit split(int bank, int guarantor, int fund) {
        return new RiskSplit(bank, guarantor, fund);
    }

    private static BidTerms terms(RiskSplit split) {
        return terms(split, List.of());
    }

    private static BidTerms terms(RiskSplit split, List<String> policyBasis) {
        return new BidTerms(
                300_000_000L, 400, 36, 0, null, NOW.plus(Duration.ofDays(30)), null, null, null, split, policyBasis);
    }

    private static BidTerms terms(int rateBp, long feesFen, Instant validUntil) {
        return new BidTerms(
                300_000_000L, rateBp, 36, feesFen, null, validUntil, null, null, null, split(5000, 0, 5000), List.of());
    }

    private static BidTerms withGuarantor(RiskSplit split) {
        return new BidTerms(
                300_000_000L,
                400,
                36,
                0,
                null,
                NOW.plus(Duration.ofDays(30)),
                null,
                GUARANTOR,
                UUID.randomUUID(),
                split,
                List.of());
    }

    private static RequestContent request(List<String> collateral) {
        return new RequestContent(
                "腊肉车间扩建", "扩建老腊肉熏制车间", null, 300_000_000L, 36, "cured-pork", "donghe", collateral, true, 480);
    }

    private static LoanTerms loanProduct(List<String> policyTags) {
        return new LoanTerms(
                "特色产业贷",
                null,
                50_000_000L,
                500_000_000L,
                12,
                60,
                380,
                550,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                false,
                policyTags);
    }

    private static GuaranteeTerms guaranteeProduct(List<String> tiers) {
        return new GuaranteeTerms("助企担保", null, 1_000_000_000L, 8000, 100, List.of(), tiers, false);
    }

    private static GuaranteeOffer.Terms offer(int coverageBp, Instant validUntil) {
        return new GuaranteeOffer.Terms(UUID.randomUUID(), coverageBp, 150, null, validUntil);
    }

    private static Bid bid(BidStatus status, @Nullable GuarantorDecision decision, Instant validUntil) {
        Guarantee guarantee =
                decision == null ? null : new Guarantee(GUARANTOR, "担保", UUID.randomUUID(), 8000, 100, decision, null);
        RiskSplit split = decision == null ? split(5000, 0, 5000) : split(3000, 3000, 4000);
        return new Bid(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "银行",
                status,
                300_000_000L,
                400,
                36,
                0,
                null,
                validUntil,
                null,
                guarantee,
                split,
                List.of(),
                split.fundExposureFen(300_000_000L),
                1,
                NOW,
                NOW);
    }
}
