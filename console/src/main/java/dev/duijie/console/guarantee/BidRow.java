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

    /** The bank's share as a width out of 100, for the risk-split bar. */
    public double bankWidth() {
        return bid.getRiskSplit().getBankShareBp() / 100.0;
    }

    public double guarantorWidth() {
        return bid.getRiskSplit().getGuarantorShareBp() / 100.0;
    }

    public double fundWidth() {
        return bid.getRiskSplit().getFundShareBp() / 100.0;
    }
}
