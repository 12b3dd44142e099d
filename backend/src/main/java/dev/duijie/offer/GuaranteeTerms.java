package dev.duijie.offer;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A guarantee product's terms; empty lists mean any. Coverage and fee in basis points. */
public record GuaranteeTerms(
        String name,
        @Nullable String description,
        long maxAmountFen,
        int coverageRatioBp,
        int annualFeeRateBp,
        List<String> industries,
        List<String> tiers,
        boolean counterGuaranteeRequired) {}
