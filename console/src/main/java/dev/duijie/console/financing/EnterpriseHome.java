package dev.duijie.console.financing;

import dev.duijie.console.backend.api.BidsApi;
import dev.duijie.console.backend.api.FinancingRequestsApi;
import dev.duijie.console.backend.model.FinancingRequest;
import dev.duijie.console.backend.model.FinancingRequestStatus;
import dev.duijie.console.backend.model.RequestAnswers;
import dev.duijie.console.home.RoleHome;
import dev.duijie.console.signin.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A firm's home: the open requests with bids, guarantee offers or investors' interest waiting for it, and its
 * drafts not yet published; with nothing posted yet, the way to post the first request.
 */
@Component
class EnterpriseHome implements RoleHome {

    /** How many open requests the home shows, newest first; the list of all requests has the rest. */
    private static final int OPEN_SHOWN = 50;

    private final FinancingRequestsApi requests;
    private final BidsApi bids;

    EnterpriseHome(FinancingRequestsApi requests, BidsApi bids) {
        this.requests = requests;
        this.bids = bids;
    }

    @Override
    public String role() {
        return "enterprise";
    }

    @Override
    public String show(Person person, Model model) {
        List<FinancingRequest> drafts = Objects.requireNonNull(
                        requests.listMyFinancingRequests(FinancingRequestStatus.DRAFT, null, 100)
                                .getBody())
                .getItems();
        List<RequestAnswers> open = Objects.requireNonNull(
                        bids.listAnswersOnMyRequests(null, OPEN_SHOWN).getBody())
                .getItems();
        List<RequestAnswers> waiting = new ArrayList<>();
        List<FinancingRequest> quiet = new ArrayList<>();
        for (RequestAnswers answers : open) {
            if (answers.getBids() + answers.getGuaranteeOffers() + answers.getInterests() > 0) {
                waiting.add(answers);
            } else {
                quiet.add(answers.getFinancingRequest());
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
}
