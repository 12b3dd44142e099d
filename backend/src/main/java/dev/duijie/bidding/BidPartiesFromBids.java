package dev.duijie.bidding;

import dev.duijie.financing.BidParties;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Financing's questions of who bid on a request, answered from the bids and guarantee offers. */
@Component
class BidPartiesFromBids implements BidParties {

    private final Bids bids;
    private final GuaranteeOffers guaranteeOffers;

    BidPartiesFromBids(Bids bids, GuaranteeOffers guaranteeOffers) {
        this.bids = bids;
        this.guaranteeOffers = guaranteeOffers;
    }

    @Override
    public boolean isOnABid(UUID requestId, UUID organizationId) {
        return bids.hasParty(requestId, organizationId);
    }

    @Override
    public List<Made> bidsOn(UUID requestId) {
        return bids.madeOn(requestId);
    }

    @Override
    public List<Made> guaranteeOffersOn(UUID requestId) {
        return guaranteeOffers.madeOn(requestId);
    }
}
