package dev.duijie.bidding;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A bid's cost to the firm per year, all on one basis so bids of different amounts and terms compare:
 * interest, the guarantee fee, and one-off fees spread over the term. The guarantee fee is charged, as
 * guarantee companies in the county charge it, on the guaranteed amount: the fee rate on the part of the loan
 * the guarantee covers (its coverage), whatever share of a loss the bid's risk split puts on the guarantor.
 * The effective annual rate (total over amount) is the figure to compare.
 */
public record BidCost(
        long annualInterestFen,
        long annualGuaranteeFeeFen,
        long annualOtherFeesFen,
        long totalAnnualCostFen,
        int effectiveAnnualRateBp) {

    private static final BigDecimal BASIS_POINTS = BigDecimal.valueOf(10_000);

    public static BidCost of(Bid bid) {
        Guarantee guarantee = bid.guarantee();
        return of(
                bid.amountFen(),
                bid.annualRateBp(),
                bid.termMonths(),
                bid.feesFen(),
                guarantee == null ? 0 : guarantee.coverageBp(),
                guarantee == null ? 0 : guarantee.feeRateBp());
    }

    /**
     * The cost of terms not (yet) stored, e.g. a draft bid being priced.
     *
     * @param guaranteeCoverageBp the guarantee's coverage, 0 without a guarantee
     * @param guaranteeFeeRateBp the guarantee's fee a year on the guaranteed amount, 0 without a guarantee
     */
    public static BidCost of(
            long amountFen,
            int annualRateBp,
            int termMonths,
            long feesFen,
            int guaranteeCoverageBp,
            int guaranteeFeeRateBp) {
        BigDecimal amount = BigDecimal.valueOf(amountFen);
        long interest = fen(amount.multiply(BigDecimal.valueOf(annualRateBp)).divide(BASIS_POINTS));
        long guaranteeFee = fen(amount.multiply(BigDecimal.valueOf(guaranteeCoverageBp))
                .divide(BASIS_POINTS)
                .multiply(BigDecimal.valueOf(guaranteeFeeRateBp))
                .divide(BASIS_POINTS));
        long otherFees = fen(BigDecimal.valueOf(feesFen)
                .multiply(BigDecimal.valueOf(12))
                .divide(BigDecimal.valueOf(termMonths), 10, RoundingMode.HALF_UP));
        long total = interest + guaranteeFee + otherFees;
        // fees are at most the amount (checked on submit), so this stays far inside an int
        int effectiveBp = BigDecimal.valueOf(total)
                .multiply(BASIS_POINTS)
                .divide(amount, 0, RoundingMode.HALF_UP)
                .intValueExact();
        return new BidCost(interest, guaranteeFee, otherFees, total, effectiveBp);
    }

    private static long fen(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
