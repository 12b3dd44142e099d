package dev.duijie.bidding;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The guarantor on a bid, the product it guarantees under (coverage and fee copied at bid time) and its decision.
 *
 * @param declineReason why the guarantor declined; null unless it declined itself (not by an accepted offer's terms)
 */
public record Guarantee(
        UUID guarantorOrganizationId,
        String guarantorName,
        UUID guaranteeProductId,
        int coverageBp,
        int feeRateBp,
        GuarantorDecision decision,
        @Nullable Reason declineReason) {}
