package dev.duijie.console.lending;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.api.BidsApi;
import dev.duijie.console.backend.api.FinancingRequestsApi;
import dev.duijie.console.backend.model.Bid;
import dev.duijie.console.backend.model.BidPage;
import dev.duijie.console.backend.model.FinancingRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bank's bids and where each stands (with the firm, with the guarantor); withdrawing one. */
@Controller
class MyBidsController {

    private final BidsApi bids;
    private final FinancingRequestsApi requests;

    MyBidsController(BidsApi bids, FinancingRequestsApi requests) {
        this.bids = bids;
        this.requests = requests;
    }

    @GetMapping("/bids")
    String myBids(@RequestParam(required = false) @Nullable String cursor, Model model) {
        BidPage page = bids.listMyBids(Inputs.blankToNull(cursor), 20).getBody();
        List<Bid> items = page == null ? List.of() : page.getItems();
        model.addAttribute("bids", items);
        model.addAttribute("titles", titles(items));
        model.addAttribute("nextCursor", page == null ? null : page.getNextCursor());
        return "bank/bids";
    }

    @PostMapping("/bids/{bidId}/withdraw")
    String withdraw(@PathVariable UUID bidId, RedirectAttributes redirect) {
        try {
            bids.withdrawBid(bidId);
            redirect.addFlashAttribute("withdrawn", true);
        } catch (RestClientResponseException refused) {
            BackendProblem problem = BackendProblem.from(refused);
            String detail = problem.detail();
            redirect.addFlashAttribute("problem", detail != null ? detail : problem.title());
        }
        return "redirect:/bids";
    }

    /** Each bid's request title, as far as the bank may still read the request. */
    private Map<UUID, String> titles(List<Bid> items) {
        Map<UUID, String> titles = new HashMap<>();
        for (Bid bid : items) {
            UUID id = bid.getFinancingRequestId();
            if (titles.containsKey(id)) {
                continue;
            }
            try {
                FinancingRequest request = requests.getFinancingRequest(id).getBody();
                if (request != null) {
                    titles.put(id, request.getTitle());
                }
            } catch (RestClientResponseException notReadableAnyMore) {
                // a closed request may no longer be shown to lenders; the row says so
            }
        }
        return titles;
    }
}
