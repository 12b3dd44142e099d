package dev.duijie.financing;

import java.util.List;
import java.util.UUID;

/**
 * Who is on a bid on a request, as the bidding feature (which owns the bids and guarantee offers) answers it: a
 * bank or guarantor follows a request it bid on even after the request leaves the market, and a request's history
 * names the bids and guarantee offers made on it. Financing asks through this instead of reading them itself.
 */
public interface BidParties {

    /** Whether the organization is on a bid on the request, as the bank or as the named guarantor. */
    boolean isOnABid(UUID requestId, UUID organizationId);

    /** Every bid on the request, in any state, with its bank's name. */
    List<Made> bidsOn(UUID requestId);

    /** Every guarantee offer on the request, in any state, with its guarantor's name. */
    List<Made> guaranteeOffersOn(UUID requestId);

    /** A bid or guarantee offer, and the name of the organization that made it. */
    record Made(UUID id, String organizationName) {}
}
