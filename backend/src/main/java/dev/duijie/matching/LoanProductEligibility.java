package dev.duijie.matching;

import dev.duijie.financing.RequestContent;
import dev.duijie.offer.LoanTerms;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The hard rules a loan product must meet for a request, in plain Java: checked again on every result
 * Elasticsearch returns, so a stale or wrong index can never put an ineligible product in front of a firm.
 * Empty product lists mean any.
 */
final class LoanProductEligibility {

    private LoanProductEligibility() {
    }

    /**
     * @param industries the request's industry and the industries above it
     * @param regions    the request's region and the regions above it (the county)
     */
    static boolean fits(LoanTerms product, RequestContent request, @Nullable String firmTier, List<String> industries,
            List<String> regions) {
        return request.amountFen() >= product.amountMinFen() && request.amountFen() <= product.amountMaxFen()
                && request.termMonths() >= product.termMinMonths() && request.termMonths() <= product.termMaxMonths()
                && product.rateMinBp() <= request.maxAnnualRateBp()
                && (product.industries().isEmpty() || !Collections.disjoint(product.industries(), industries))
                && (product.regions().isEmpty() || !Collections.disjoint(product.regions(), regions))
                && (product.tiers().isEmpty() || (firmTier != null && product.tiers().contains(firmTier)))
                && (product.collateralAccepted().isEmpty()
                        || !Collections.disjoint(product.collateralAccepted(), request.collateralOffered()))
                && (!product.guaranteeRequired() || request.guaranteeWanted());
    }
}
