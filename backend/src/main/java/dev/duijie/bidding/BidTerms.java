package dev.duijie.bidding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a bank offers. Amounts in fen, rates in basis points. */
public record BidTerms(
        long amountFen,
        int annualRateBp,
        int termMonths,
        long feesFen,
        @Nullable String conditions,
        Instant validUntil,
        @Nullable UUID loanProductId,
        @Nullable UUID guarantorOrganizationId,
        @Nullable UUID guaranteeProductId,
        RiskSplit riskSplit,
        List<String> policyBasis) {}
