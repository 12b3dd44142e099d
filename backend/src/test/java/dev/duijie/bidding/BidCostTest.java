package dev.duijie.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BidCostTest {

    @Test
    void givenBidWithoutGuaranteeOrFees_whenCosted_thenTheEffectiveRateIsTheInterestRate() {
        BidCost cost = BidCost.of(bid(300_000_000L, 450, 36, 0, null));

        assertThat(cost.annualInterestFen()).isEqualTo(13_500_000L); // 3,000,000 yuan × 4.50 % = 135,000 yuan
        assertThat(cost.annualGuaranteeFeeFen()).isZero();
        assertThat(cost.annualOtherFeesFen()).isZero();
        assertThat(cost.effectiveAnnualRateBp()).isEqualTo(450);
    }

    @Test
    void givenGuaranteeAndOneOffFees_whenCosted_thenAllAreAnnualizedOnTheSameBasis() {
        Guarantee guarantee =
                new Guarantee(UUID.randomUUID(), "担保", UUID.randomUUID(), 8000, 100, GuarantorDecision.CONFIRMED, null);

        BidCost cost = BidCost.of(bid(300_000_000L, 380, 36, 300_000L, guarantee, new RiskSplit(2000, 8000, 0)));

        assertThat(cost.annualInterestFen()).isEqualTo(11_400_000L); // 3.80 %
        assertThat(cost.annualGuaranteeFeeFen()).isEqualTo(2_400_000L); // 1.00 % of the guaranteed 80 %
        assertThat(cost.annualOtherFeesFen()).isEqualTo(100_000L); // 3,000 yuan over 3 years
        assertThat(cost.totalAnnualCostFen()).isEqualTo(13_900_000L);
        assertThat(cost.effectiveAnnualRateBp()).isEqualTo(463); // 4.633 % rounded
    }

    @Test
    void givenShortTerm_whenCosted_thenOneOffFeesWeighMorePerYear() {
        BidCost sixMonths = BidCost.of(bid(10_000_000L, 500, 6, 100_000L, null));

        assertThat(sixMonths.annualOtherFeesFen()).isEqualTo(200_000L);
        assertThat(sixMonths.effectiveAnnualRateBp()).isEqualTo(700);
    }

    @Test
    void givenGuarantorBearingLessThanItCovers_whenCosted_thenTheFeeIsStillOnTheGuaranteedAmount() {
        Guarantee guarantee =
                new Guarantee(UUID.randomUUID(), "担保", UUID.randomUUID(), 8000, 100, GuarantorDecision.CONFIRMED, null);

        BidCost cost = BidCost.of(bid(300_000_000L, 380, 36, 0, guarantee, new RiskSplit(3000, 3000, 4000)));

        assertThat(cost.annualGuaranteeFeeFen())
                .isEqualTo(2_400_000L); // 1.00 % of the 80 % covered, not of the 30 % share
        assertThat(cost.effectiveAnnualRateBp()).isEqualTo(460);
    }

    private static Bid bid(long amountFen, int rateBp, int termMonths, long feesFen, Guarantee guarantee) {
        return bid(amountFen, rateBp, termMonths, feesFen, guarantee, new RiskSplit(5000, 0, 5000));
    }

    private static Bid bid(
            long amountFen, int rateBp, int termMonths, long feesFen, Guarantee guarantee, RiskSplit split) {
        Instant now = Instant.now();
        return new Bid(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "银行",
                BidStatus.SUBMITTED,
                amountFen,
                rateBp,
                termMonths,
                feesFen,
                null,
                now.plusSeconds(3600),
                null,
                guarantee,
                split,
                List.of(),
                amountFen / 2,
                1,
                now,
                now);
    }
}
