package dev.duijie.console.guarantee;

import dev.duijie.console.backend.model.Bid;
import dev.duijie.console.backend.model.BidStatus;
import dev.duijie.console.backend.model.FinancingRequest;
import dev.duijie.console.backend.model.GuarantorDecisionValue;
import org.jspecify.annotations.Nullable;

/**
 * A bank's bid naming this guarantor, with the request it is on.
 *
 * @param bid the bid
 * @param request the financing request; null when it can no longer be read
 */
public record BidRow(Bid bid, @Nullable FinancingRequest request) {

    /** Still waiting for this guarantor's decision. */
    public boolean waiting() {
        return bid.getStatus() == BidStatus.SUBMITTED && bid.getGuarantorDecision() == GuarantorDecisionValue.PENDING;
    }
}
