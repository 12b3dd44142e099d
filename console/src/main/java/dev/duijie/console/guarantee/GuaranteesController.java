package dev.duijie.console.guarantee;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.api.BidsApi;
import dev.duijie.console.backend.api.FinancingRequestsApi;
import dev.duijie.console.backend.model.Bid;
import dev.duijie.console.backend.model.BidPage;
import dev.duijie.console.backend.model.FinancingRequest;
import dev.duijie.console.backend.model.GuarantorDecision;
import dev.duijie.console.backend.model.GuarantorDeclineReason;
import dev.duijie.console.offers.FormProblem;
import java.util.Arrays;
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

/** Bids that name this guarantee company: confirm its part or decline it, saying why. */
@Controller
class GuaranteesController {

    /** The fields of a decline, as the contract names them. */
    static final List<String> DECLINE_FIELDS = List.of("reason", "note");

    private final BidsApi bids;
    private final FinancingRequestsApi requests;

    GuaranteesController(BidsApi bids, FinancingRequestsApi requests) {
        this.bids = bids;
        this.requests = requests;
    }

    /**
     * A decline as typed, shown again beside the backend's messages when it is refused.
     *
     * @param bidId the bid it is for
     * @param reason a {@code GuarantorDeclineReason} of the contract
     * @param note a word on the reason, which {@code other} needs
     */
    record DeclineForm(
            UUID bidId, @Nullable String reason, @Nullable String note) {}

    @GetMapping("/guarantees")
    String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
        if (!model.containsAttribute("errors")) {
            FormProblem.none(model);
        }
        model.addAttribute(
                "declineReasons",
                Arrays.stream(GuarantorDeclineReason.values())
                        .map(GuarantorDeclineReason::getValue)
                        .toList());
        BidPage page = Objects.requireNonNull(bids.listMyBids(cursor, 50).getBody());
        List<BidRow> rows = rows(page.getItems());
        model.addAttribute("waiting", rows.stream().filter(BidRow::waiting).toList());
        model.addAttribute(
                "decidedRows", rows.stream().filter(row -> !row.waiting()).toList());
        model.addAttribute("nextCursor", page.getNextCursor());
        return "guarantor/guarantees";
    }

    /**
     * Confirms, or declines with the reason chosen; a decline the backend refuses field by field (no reason, a
     * note missing for "other") comes back on the page with its messages beside the fields.
     */
    @PostMapping("/guarantees/{bidId}/decision")
    String decide(
            @PathVariable UUID bidId,
            @RequestParam String decision,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String note,
            Model model,
            RedirectAttributes redirect) {
        GuarantorDecision body = new GuarantorDecision(GuarantorDecision.DecisionEnum.fromValue(decision));
        boolean declining = body.getDecision() == GuarantorDecision.DecisionEnum.DECLINED;
        if (declining) {
            body.reason(Arrays.stream(GuarantorDeclineReason.values())
                            .filter(code -> code.getValue().equals(reason))
                            .findFirst()
                            .orElse(null))
                    .note(note == null || note.isBlank() ? null : note.strip());
        }
        try {
            Bid bid = Objects.requireNonNull(bids.decideGuarantee(bidId, body).getBody());
            redirect.addFlashAttribute("decision", decision);
            redirect.addFlashAttribute("decidedBank", bid.getBankName());
        } catch (RestClientResponseException failure) {
            BackendProblem problem = BackendProblem.from(failure);
            if (declining && !problem.fieldErrors().isEmpty()) {
                FormProblem.from(model, failure, DECLINE_FIELDS);
                model.addAttribute("declineForm", new DeclineForm(bidId, reason, note));
                return list(null, model);
            }
            redirect.addFlashAttribute("failure", FormProblem.summary(problem));
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
