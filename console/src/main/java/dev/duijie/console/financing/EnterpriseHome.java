package dev.duijie.console.financing;

import dev.duijie.console.backend.api.BidsApi;
import dev.duijie.console.backend.api.FinancingRequestsApi;
import dev.duijie.console.backend.api.GuaranteeOffersApi;
import dev.duijie.console.backend.api.InvestmentOffersApi;
import dev.duijie.console.backend.model.BidComparison;
import dev.duijie.console.backend.model.FinancingRequest;
import dev.duijie.console.backend.model.FinancingRequestStatus;
import dev.duijie.console.backend.model.GuaranteeOffer;
import dev.duijie.console.backend.model.GuaranteeOfferPage;
import dev.duijie.console.backend.model.InterestList;
import dev.duijie.console.home.RoleHome;
import dev.duijie.console.signin.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.client.RestClientResponseException;

/**
 * A firm's home: the open requests with bids, guarantee offers or investors' interest waiting for it, and its
 * drafts not yet published; with nothing posted yet, the way to post the first request.
 */
@Component
class EnterpriseHome implements RoleHome {

    /** How many open requests the home looks into (each costs three reads). */
    private static final int OPEN_LOOKED_AT = 10;

    private final FinancingRequestsApi requests;
    private final BidsApi bids;
    private final GuaranteeOffersApi guaranteeOffers;
    private final InvestmentOffersApi investments;

    EnterpriseHome(
            FinancingRequestsApi requests,
            BidsApi bids,
            GuaranteeOffersApi guaranteeOffers,
            InvestmentOffersApi investments) {
        this.requests = requests;
        this.bids = bids;
        this.guaranteeOffers = guaranteeOffers;
        this.investments = investments;
    }

    @Override
    public String role() {
        return "enterprise";
    }

    /** An open request and what waits on it: bids that can be accepted now, all bids, guarantee offers, interests. */
    record Waiting(FinancingRequest request, long acceptableBids, long bids, long guaranteeOffers, long interests) {

        boolean anything() {
            return bids + guaranteeOffers + interests > 0;
        }
    }

    @Override
    public String show(Person person, Model model) {
        List<FinancingRequest> drafts = page(FinancingRequestStatus.DRAFT);
        List<FinancingRequest> open = page(FinancingRequestStatus.OPEN);
        List<Waiting> waiting = new ArrayList<>();
        List<FinancingRequest> quiet = new ArrayList<>();
        for (FinancingRequest request : open.subList(0, Math.min(OPEN_LOOKED_AT, open.size()))) {
            Waiting on = waitingOn(request);
            if (on.anything()) {
                waiting.add(on);
            } else {
                quiet.add(request);
            }
        }
        model.addAttribute("drafts", drafts);
        model.addAttribute("waiting", waiting);
        model.addAttribute("quiet", quiet);
        model.addAttribute("openCount", open.size());
        model.addAttribute(
                "nothingYet",
                drafts.isEmpty()
                        && open.isEmpty()
                        && Objects.requireNonNull(requests.listMyFinancingRequests(null, null, 1)
                                        .getBody())
                                .getItems()
                                .isEmpty());
        return "enterprise/home";
    }

    private List<FinancingRequest> page(FinancingRequestStatus status) {
        return Objects.requireNonNull(
                        requests.listMyFinancingRequests(status, null, 100).getBody())
                .getItems();
    }

    private Waiting waitingOn(FinancingRequest request) {
        long acceptable = 0;
        long all = 0;
        long offers = 0;
        long interests = 0;
        try {
            BidComparison comparison =
                    Objects.requireNonNull(bids.compareBids(request.getId()).getBody());
            all = comparison.getItems().size();
            acceptable = comparison.getItems().stream()
                    .filter(cost -> cost.getEligible())
                    .count();
        } catch (RestClientResponseException unreadable) {
            // the request's page says why; the home only counts
        }
        try {
            GuaranteeOfferPage page = Objects.requireNonNull(guaranteeOffers
                    .listGuaranteeOffersOnRequest(request.getId(), null, 100)
                    .getBody());
            offers = page.getItems().stream()
                    .filter(offer -> offer.getStatus() == GuaranteeOffer.StatusEnum.SUBMITTED)
                    .count();
        } catch (RestClientResponseException unreadable) {
            // as above
        }
        try {
            InterestList list = Objects.requireNonNull(
                    investments.listInterests(request.getId()).getBody());
            interests = list.getItems().size();
        } catch (RestClientResponseException unreadable) {
            // as above
        }
        return new Waiting(request, acceptable, all, offers, interests);
    }
}
