package dev.duijie.financing;

import java.util.UUID;

/**
 * Who is on a bid on a request, as the bidding feature (which owns the bids) answers it: a bank or guarantor
 * follows a request it bid on even after the request leaves the market. Financing asks through this
 * instead of reading the bids itself.
 */
public interface BidParties {

    /** Whether the organization is on a bid on the request, as the bank or as the named guarantor. */
    boolean isOnABid(UUID requestId, UUID organizationId);
}
