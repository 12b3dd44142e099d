package dev.duijie.bidding;

import dev.duijie.financing.BidParties;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Financing's question of who bid on a request, answered from the bids. */
@Component
class BidPartiesFromBids implements BidParties {

    private final Bids bids;

    BidPartiesFromBids(Bids bids) {
        this.bids = bids;
    }

    @Override
    public boolean isOnABid(UUID requestId, UUID organizationId) {
        return bids.hasParty(requestId, organizationId);
    }
}
