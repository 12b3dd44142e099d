package dev.duijie.console.lending;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.api.BidsApi;
import dev.duijie.console.backend.api.FinancingRequestsApi;
import dev.duijie.console.backend.api.MarketplaceApi;
import dev.duijie.console.backend.model.BankResponse;
import dev.duijie.console.backend.model.Bid;
import dev.duijie.console.backend.model.BidDraft;
import dev.duijie.console.backend.model.BidQuote;
import dev.duijie.console.backend.model.FinancingRequest;
import dev.duijie.console.backend.model.FinancingRequestPage;
import dev.duijie.console.backend.model.Pass;
import dev.duijie.console.backend.model.PassReason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The open market for a bank: search it, open a request (only what the firm posted: bids are sealed, and the
 * backend shows a bank none but its own), price a bid with the live calculator, submit it or pass saying why.
 */
@Controller
class MarketController {

    private static final int PAGE_SIZE = 20;
    /** The reasons a bank may give for passing, in the order the form lists them. */
    private static final List<PassReason> PASS_REASONS = List.of(PassReason.values());
    /** The pass form's field names are the contract's. */
    private static final Map<String, String> PASS_FIELDS = Map.of("reason", "reason", "note", "note");

    private final MarketplaceApi marketplace;
    private final FinancingRequestsApi requests;
    private final BidsApi bids;
    private final LendingDesk desk;
    private final MessageSource messages;

    MarketController(
            MarketplaceApi marketplace,
            FinancingRequestsApi requests,
            BidsApi bids,
            LendingDesk desk,
            MessageSource messages) {
        this.marketplace = marketplace;
        this.requests = requests;
        this.bids = bids;
        this.desk = desk;
        this.messages = messages;
    }

    @GetMapping("/market")
    String market(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String minWan,
            @RequestParam(required = false) @Nullable String maxWan,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Inputs inputs = new Inputs(messages, errors);
        Long min = Inputs.blankToNull(minWan) == null ? null : inputs.wanToFen(minWan, "minWan");
        Long max = Inputs.blankToNull(maxWan) == null ? null : inputs.wanToFen(maxWan, "maxWan");
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("industry", industry == null ? "" : industry);
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("minWan", minWan == null ? "" : minWan);
        model.addAttribute("maxWan", maxWan == null ? "" : maxWan);
        model.addAttribute("errors", errors);
        FinancingRequestPage page = null;
        String problem = null;
        if (errors.isEmpty()) {
            try {
                page = marketplace
                        .searchOpenFinancingRequests(
                                Inputs.blankToNull(q),
                                Inputs.blankToNull(industry),
                                Inputs.blankToNull(region),
                                min,
                                max,
                                Inputs.blankToNull(cursor),
                                PAGE_SIZE)
                        .getBody();
            } catch (RestClientResponseException refused) {
                BackendProblem answer = BackendProblem.from(refused);
                List<String> others = LendingDesk.newList();
                LendingDesk.placeErrors(
                        answer,
                        Map.of(
                                "q",
                                "q",
                                "industry",
                                "industry",
                                "region",
                                "region",
                                "minAmountFen",
                                "minWan",
                                "maxAmountFen",
                                "maxWan"),
                        errors,
                        others);
                problem = others.isEmpty() ? null : String.join("；", others);
            }
        }
        model.addAttribute("results", page == null ? List.of() : page.getItems());
        model.addAttribute("nextCursor", page == null ? null : page.getNextCursor());
        model.addAttribute("problem", problem);
        return htmx != null ? "bank/market :: results" : "bank/market";
    }

    @GetMapping("/market/requests/{requestId}")
    String request(@PathVariable UUID requestId, Model model) {
        FinancingRequest request = read(requestId);
        BidForm form = BidForm.forRequest(request);
        return page(request, form, new LinkedHashMap<>(), LendingDesk.newList(), model);
    }

    /** The live calculator: an htmx request gets the result and the field messages; without JS, the whole page. */
    @PostMapping("/market/requests/{requestId}/quote")
    String quote(
            @PathVariable UUID requestId,
            @ModelAttribute("form") BidForm form,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        if (htmx == null) {
            return page(read(requestId), form, new LinkedHashMap<>(), LendingDesk.newList(), model);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> others = LendingDesk.newList();
        model.addAttribute("quote", quote(requestId, form, errors, others));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("others", others);
        model.addAttribute("fields", BidForm.fieldNames());
        return "bank/quote";
    }

    @PostMapping("/market/requests/{requestId}/bids")
    String submit(
            @PathVariable UUID requestId,
            @ModelAttribute("form") BidForm form,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> others = LendingDesk.newList();
        BidDraft draft = form.toDraft(new Inputs(messages, errors));
        if (draft != null) {
            try {
                Bid bid = Objects.requireNonNull(bids.submitBid(requestId, draft, form.getIdempotencyKey())
                        .getBody());
                redirect.addFlashAttribute("submitted", bid.getId());
                return "redirect:/bids";
            } catch (RestClientResponseException refused) {
                LendingDesk.placeErrors(BackendProblem.from(refused), BidForm.FIELDS, errors, others);
            }
        }
        return page(read(requestId), form, errors, others, model);
    }

    /**
     * Passing as typed: the reason (the console asks for one, though the backend takes a pass without) and a note.
     *
     * @param reason a {@code PassReason} of the contract
     * @param note a word on the reason, which {@code other} needs
     */
    record PassForm(@Nullable String reason, @Nullable String note) {

        static PassForm empty() {
            return new PassForm(null, null);
        }
    }

    /** The bank passes, saying why; the request page then shows its recorded answer. */
    @PostMapping("/market/requests/{requestId}/pass")
    String pass(
            @PathVariable UUID requestId, @ModelAttribute PassForm passForm, Model model, RedirectAttributes redirect) {
        Map<String, String> passErrors = new LinkedHashMap<>();
        List<String> passOthers = LendingDesk.newList();
        PassReason reason = PASS_REASONS.stream()
                .filter(code -> code.getValue().equals(passForm.reason()))
                .findFirst()
                .orElse(null);
        if (reason == null) {
            passErrors.put(
                    "reason", messages.getMessage("bank.pass.reason.required", null, LocaleContextHolder.getLocale()));
        } else {
            String note = Inputs.blankToNull(passForm.note());
            try {
                BankResponse answer = bids.passOnRequest(
                                requestId, new Pass().reason(reason).note(note == null ? null : note.strip()))
                        .getBody();
                redirect.addFlashAttribute("passed", answer);
                return "redirect:/market/requests/" + requestId;
            } catch (RestClientResponseException refused) {
                LendingDesk.placeErrors(BackendProblem.from(refused), PASS_FIELDS, passErrors, passOthers);
            }
        }
        FinancingRequest request = read(requestId);
        model.addAttribute("passForm", passForm);
        model.addAttribute("passErrors", passErrors);
        model.addAttribute("passOthers", passOthers);
        return page(request, BidForm.forRequest(request), new LinkedHashMap<>(), LendingDesk.newList(), model);
    }

    /** The bank's first answer to the request, null while it has not answered. */
    private @Nullable BankResponse myAnswer(FinancingRequest request) {
        try {
            return bids.getMyBankResponse(request.getId()).getBody();
        } catch (HttpClientErrorException.NotFound notAnswered) {
            return null;
        }
    }

    private FinancingRequest read(UUID requestId) {
        return Objects.requireNonNull(requests.getFinancingRequest(requestId).getBody());
    }

    private String page(
            FinancingRequest request, BidForm form, Map<String, String> errors, List<String> others, Model model) {
        if (!model.containsAttribute("passForm")) {
            model.addAttribute("passForm", PassForm.empty());
            model.addAttribute("passErrors", Map.of());
            model.addAttribute("passOthers", List.of());
        }
        model.addAttribute(
                "passReasons", PASS_REASONS.stream().map(PassReason::getValue).toList());
        model.addAttribute("request", request);
        model.addAttribute("form", form);
        // the bank's recorded answer: just given (the pass's redirect carries it) or read back
        BankResponse answer = model.getAttribute("passed") instanceof BankResponse given ? given : myAnswer(request);
        model.addAttribute("answer", answer);
        if (answer != null && answer.getResponse() == BankResponse.ResponseEnum.PASSED) {
            model.addAttribute("passed", answer);
        }
        Bid mine = desk.myStandingBidOn(request.getId()).orElse(null);
        model.addAttribute("myBid", mine);
        model.addAttribute("products", desk.myActiveProducts());
        model.addAttribute("guarantees", desk.activeGuaranteeProducts());
        model.addAttribute("fields", BidForm.fieldNames());
        BidQuote quote = null;
        if (mine == null && errors.isEmpty() && others.isEmpty()) {
            quote = quote(request.getId(), form, errors, others);
        }
        model.addAttribute("quote", quote);
        model.addAttribute("errors", errors);
        model.addAttribute("others", others);
        return "bank/request";
    }

    private @Nullable BidQuote quote(UUID requestId, BidForm form, Map<String, String> errors, List<String> others) {
        BidDraft draft = form.toDraft(new Inputs(messages, errors));
        if (draft == null) {
            return null;
        }
        try {
            return bids.quoteBid(requestId, draft).getBody();
        } catch (RestClientResponseException refused) {
            LendingDesk.placeErrors(BackendProblem.from(refused), BidForm.FIELDS, errors, others);
            return null;
        }
    }
}
