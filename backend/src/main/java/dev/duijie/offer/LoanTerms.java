package dev.duijie.offer;

import dev.duijie.financing.RequestContent;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A loan product's terms; empty lists mean any. Amounts in fen, rates in basis points. */
public record LoanTerms(
        String name,
        @Nullable String description,
        long amountMinFen,
        long amountMaxFen,
        int termMinMonths,
        int termMaxMonths,
        int rateMinBp,
        int rateMaxBp,
        List<String> industries,
        List<String> regions,
        List<String> tiers,
        List<String> collateralAccepted,
        boolean guaranteeRequired,
        List<String> policyTags) {

    /**
     * The hard rules this product sets for a request. Empty lists mean any; the county covers its towns and
     * a parent industry its branches, which is why the request's ancestors are passed in.
     *
     * @param industries the request's industry and the industries above it
     * @param regions    the request's region and the regions above it (the county)
     */
    public boolean fits(
            RequestContent request, @Nullable String firmTier, List<String> industries, List<String> regions) {
        return request.amountFen() >= amountMinFen
                && request.amountFen() <= amountMaxFen
                && request.termMonths() >= termMinMonths
                && request.termMonths() <= termMaxMonths
                && rateMinBp <= request.maxAnnualRateBp()
                && (this.industries.isEmpty() || !Collections.disjoint(this.industries, industries))
                && (this.regions.isEmpty() || !Collections.disjoint(this.regions, regions))
                && (tiers.isEmpty() || (firmTier != null && tiers.contains(firmTier)))
                && (collateralAccepted.isEmpty()
                        || !Collections.disjoint(collateralAccepted, request.collateralOffered()))
                && (!guaranteeRequired || request.guaranteeWanted());
    }
}
