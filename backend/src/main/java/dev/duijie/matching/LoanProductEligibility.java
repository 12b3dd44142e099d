package dev.duijie.matching;

import dev.duijie.financing.RequestContent;
import dev.duijie.offer.LoanTerms;
import java.util.Collections;
import org.jspecify.annotations.Nullable;

/**
 * The hard rules a loan product must meet for a request, in plain Java: checked again on every result
 * Elasticsearch returns, so a stale or wrong index can never put an ineligible product in front of a firm.
 * Empty product lists mean any.
 */
final class LoanProductEligibility {

    private LoanProductEligibility() {
    }

    static boolean fits(LoanTerms product, RequestContent request, @Nullable String firmTier) {
        return request.amountFen() >= product.amountMinFen() && request.amountFen() <= product.amountMaxFen()
                && request.termMonths() >= product.termMinMonths() && request.termMonths() <= product.termMaxMonths()
                && product.rateMinBp() <= request.maxAnnualRateBp()
                && (product.industries().isEmpty() || product.industries().contains(request.industry()))
                && (product.regions().isEmpty() || product.regions().contains(request.region()))
                && (product.tiers().isEmpty() || (firmTier != null && product.tiers().contains(firmTier)))
                && (product.collateralAccepted().isEmpty()
                        || !Collections.disjoint(product.collateralAccepted(), request.collateralOffered()))
                && (!product.guaranteeRequired() || request.guaranteeWanted());
    }
}
