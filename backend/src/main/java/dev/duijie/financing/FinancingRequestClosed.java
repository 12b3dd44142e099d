package dev.duijie.financing;

import dev.duijie.shared.Caller;
import java.util.UUID;

/**
 * A request left the market (awarded, withdrawn or expired). Published inside the closing transaction, so
 * listeners (bidding: decline the remaining bids) act atomically with the close.
 */
public record FinancingRequestClosed(UUID requestId, FinancingRequestStatus status, Caller closedBy) {}
