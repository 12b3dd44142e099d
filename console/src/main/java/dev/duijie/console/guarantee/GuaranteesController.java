package dev.duijie.console.guarantee;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.api.BidsApi;
import dev.duijie.console.backend.api.FinancingRequestsApi;
import dev.duijie.console.backend.model.Bid;
import dev.duijie.console.backend.model.BidPage;
import dev.duijie.console.backend.model.FinancingRequest;
import dev.duijie.console.backend.model.GuarantorDecision;
import dev.duijie.console.offers.FormProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

/** Bids that name this guarantee company: confirm its part or decline it. */
@Controller
class GuaranteesController {

    private final BidsApi bids;
    private final FinancingRequestsApi requests;

    GuaranteesController(BidsApi bids, FinancingRequestsApi requests) {
        this.bids = bids;
        this.requests = requests;
    }

    @GetMapping("/guarantees")
    String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
        BidPage page = Objects.requireNonNull(bids.listMyBids(cursor, 50).getBody());
        List<BidRow> rows = rows(page.getItems());
        model.addAttribute("waiting", rows.stream().filter(BidRow::waiting).toList());
        model.addAttribute(
                "decidedRows", rows.stream().filter(row -> !row.waiting()).toList());
        model.addAttribute("nextCursor", page.getNextCursor());
        return "guarantor/guarantees";
    }

    @PostMapping("/guarantees/{bidId}/decision")
    String decide(@PathVariable UUID bidId, @RequestParam String decision, RedirectAttributes redirect) {
        try {
            Bid bid = Objects.requireNonNull(bids.decideGuarantee(
                            bidId, new GuarantorDecision(GuarantorDecision.DecisionEnum.fromValue(decision)))
                    .getBody());
            redirect.addFlashAttribute("decision", decision);
            redirect.addFlashAttribute("decidedBank", bid.getBankName());
        } catch (RestClientResponseException failure) {
            redirect.addFlashAttribute("failure", FormProblem.summary(BackendProblem.from(failure)));
        }
        return "redirect:/guarantees";
    }

    /** Each bid with its request, each request read once. */
    List<BidRow> rows(List<Bid> items) {
        Map<UUID, @Nullable FinancingRequest> read = new HashMap<>();
        return items.stream()
                .map(bid -> new BidRow(bid, read.computeIfAbsent(bid.getFinancingRequestId(), this::request)))
                .toList();
    }

    private @Nullable FinancingRequest request(UUID id) {
        try {
            return requests.getFinancingRequest(id).getBody();
        } catch (RestClientResponseException notVisible) {
            return null;
        }
    }
}
