package dev.duijie.bidding;

import java.util.UUID;

/** The guarantor on a bid, the product it guarantees under (coverage and fee copied at bid time) and its decision. */
public record Guarantee(
        UUID guarantorOrganizationId,
        String guarantorName,
        UUID guaranteeProductId,
        int coverageBp,
        int feeRateBp,
        GuarantorDecision decision) {}
