package dev.duijie.offer;

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
}
