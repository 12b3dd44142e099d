package dev.duijie.bidding;

import dev.duijie.financing.FinancingRequest;
import dev.duijie.financing.FinancingRequestService;
import dev.duijie.financing.FinancingRequestStatus;
import dev.duijie.offer.InterestService;
import dev.duijie.shared.Caller;
import dev.duijie.shared.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits for a firm on its open requests, in one read: standing bids and how many it could accept now, guarantee
 * offers to answer, investors' interest. Counted as {@link BiddingService#compare}, the guarantee offers' list and the
 * interests' list count them, so a firm's home page agrees with each request's page.
 */
@Service
public class AnswersOnRequests {

    private final FinancingRequestService requests;
    private final Bids bids;
    private final GuaranteeOffers guaranteeOffers;
    private final InterestService interests;
    private final RiskFunds riskFunds;
    private final Clock clock;

    AnswersOnRequests(
            FinancingRequestService requests,
            Bids bids,
            GuaranteeOffers guaranteeOffers,
            InterestService interests,
            RiskFunds riskFunds,
            Clock clock) {
        this.requests = requests;
        this.bids = bids;
        this.guaranteeOffers = guaranteeOffers;
        this.interests = interests;
        this.riskFunds = riskFunds;
        this.clock = clock;
    }

    /** One open request and what waits on it. */
    public record Answers(FinancingRequest request, int bids, int acceptableBids, int guaranteeOffers, int interests) {}

    /** The caller's open requests, newest first, with their answers; 403 for anyone but an enterprise. */
    @Transactional(readOnly = true)
    public Page<Answers> onMyOpenRequests(Caller caller, @Nullable String cursor, int limit) {
        Page<FinancingRequest> open = requests.listOwn(caller, FinancingRequestStatus.OPEN, cursor, limit);
        List<UUID> ids = open.items().stream().map(FinancingRequest::id).toList();
        Instant now = clock.instant();
        RiskFundPolicy policy = riskFunds.current().policy();
        Map<UUID, List<Bid>> standing =
                bids.submittedOnAny(ids).stream().collect(Collectors.groupingBy(Bid::financingRequestId));
        Map<UUID, Integer> offers = guaranteeOffers.submittedCounts(ids);
        Map<UUID, Integer> interested = interests.countsOn(ids);
        List<Answers> items = open.items().stream()
                .map(request -> {
                    List<Bid> on = standing.getOrDefault(request.id(), List.of());
                    int acceptable = (int) on.stream()
                            .filter(bid -> BidRules.ineligibility(bid, now, policy) == null)
                            .count();
                    return new Answers(
                            request,
                            on.size(),
                            acceptable,
                            offers.getOrDefault(request.id(), 0),
                            interested.getOrDefault(request.id(), 0));
                })
                .toList();
        return new Page<>(items, open.nextCursor());
    }
}
