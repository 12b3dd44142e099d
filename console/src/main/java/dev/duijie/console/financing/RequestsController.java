package dev.duijie.console.financing;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.api.BidsApi;
import dev.duijie.console.backend.api.FinancingRequestsApi;
import dev.duijie.console.backend.api.GuaranteeOffersApi;
import dev.duijie.console.backend.api.InvestmentOffersApi;
import dev.duijie.console.backend.api.MatchingApi;
import dev.duijie.console.backend.api.OrganizationsApi;
import dev.duijie.console.backend.model.FinancingRequest;
import dev.duijie.console.backend.model.FinancingRequestPage;
import dev.duijie.console.backend.model.FinancingRequestStatus;
import dev.duijie.console.backend.model.Publication;
import dev.duijie.console.web.Formats;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An enterprise's financing requests: the list, the form to draft and edit one, its page (facts, matches with why,
 * the bids side by side, guarantee offers, investors' interest, its history) and the actions on it. Every rule is the
 * backend's; a refusal is shown where it belongs (beside a field, or above the action).
 */
@Controller
@RequestMapping("/requests")
class RequestsController {

    /** The form's fields by their contract names, so a backend message lands beside the right one. */
    static final List<String> FORM_FIELDS = List.of(
            "title",
            "purpose",
            "description",
            "amountFen",
            "termMonths",
            "industry",
            "region",
            "collateralOffered",
            "guaranteeWanted",
            "maxAnnualRateBp");

    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** History entries shown at once; older ones load on request. */
    static final int HISTORY_PAGE = 20;

    private final FinancingRequestsApi requests;
    private final BidsApi bids;
    private final GuaranteeOffersApi guaranteeOffers;
    private final InvestmentOffersApi investments;
    private final MatchingApi matching;
    private final OrganizationsApi organizations;
    private final RequestTimeline timeline;
    private final MessageSource messages;

    RequestsController(
            FinancingRequestsApi requests,
            BidsApi bids,
            GuaranteeOffersApi guaranteeOffers,
            InvestmentOffersApi investments,
            MatchingApi matching,
            OrganizationsApi organizations,
            RequestTimeline timeline,
            MessageSource messages) {
        this.requests = requests;
        this.bids = bids;
        this.guaranteeOffers = guaranteeOffers;
        this.investments = investments;
        this.matching = matching;
        this.organizations = organizations;
        this.timeline = timeline;
        this.messages = messages;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        FinancingRequestStatus filter = null;
        if (status != null && !status.isBlank()) {
            filter = FinancingRequestStatus.fromValue(status);
        }
        FinancingRequestPage page = Objects.requireNonNull(
                requests.listMyFinancingRequests(filter, cursor, 20).getBody());
        model.addAttribute("page", page);
        model.addAttribute("status", filter == null ? "" : filter.getValue());
        model.addAttribute("statuses", List.of("draft", "open", "awarded", "withdrawn", "expired"));
        model.addAttribute("firstPage", cursor == null);
        return "requests/list";
    }

    @GetMapping("/new")
    String newRequest(Model model) {
        return form(new RequestForm(), null, Map.of(), null, model);
    }

    @PostMapping
    String create(@ModelAttribute("form") RequestForm form, Model model) {
        RequestForm.Converted converted = form.toDraft();
        try {
            FinancingRequest created =
                    Objects.requireNonNull(requests.createFinancingRequest(converted.draft(), form.getIdempotencyKey())
                            .getBody());
            return "redirect:/requests/" + created.getId() + "?saved";
        } catch (RestClientResponseException refused) {
            BackendProblem problem = BackendProblem.from(refused);
            return form(form, null, errors(problem, converted.unreadable()), problem, model);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        ResponseEntity<FinancingRequest> read = requests.getFinancingRequest(id);
        FinancingRequest request = Objects.requireNonNull(read.getBody());
        return form(RequestForm.of(request, read.getHeaders().getETag()), id, Map.of(), null, model);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable UUID id, @ModelAttribute("form") RequestForm form, Model model) {
        RequestForm.Converted converted = form.toDraft();
        try {
            requests.updateFinancingRequest(id, converted.draft(), blankToNull(form.getVersion()));
            return "redirect:/requests/" + id + "?saved";
        } catch (RestClientResponseException refused) {
            BackendProblem problem = BackendProblem.from(refused);
            return form(form, id, errors(problem, converted.unreadable()), problem, model);
        }
    }

    private String form(
            RequestForm form,
            @Nullable UUID id,
            Map<String, String> errors,
            @Nullable BackendProblem problem,
            Model model) {
        model.addAttribute("form", form);
        model.addAttribute("requestId", id);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "requests/form";
    }

    /** The backend's messages by field, with the console's own for numbers it could not read. */
    private Map<String, String> errors(BackendProblem problem, Map<String, String> unreadable) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : FORM_FIELDS) {
            String message = problem.fieldErrors().entrySet().stream()
                    .filter(error -> error.getKey().equals(field)
                            || error.getKey().startsWith(field + "[")
                            || error.getKey().startsWith(field + "."))
                    .map(Map.Entry::getValue)
                    .reduce((first, next) -> first + "；" + next)
                    .orElse(null);
            if (message != null) {
                errors.put(field, message);
            }
        }
        unreadable.forEach((field, key) ->
                errors.put(field, messages.getMessage(key, null, key, LocaleContextHolder.getLocale())));
        return errors;
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        return page(id, model);
    }

    /**
     * Older entries of the history: for htmx the entries and the next "older" link, to append to the list; without
     * JavaScript a page of its own.
     */
    @GetMapping("/{id}/history")
    String olderHistory(
            @PathVariable UUID id,
            @RequestParam String cursor,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        model.addAttribute(
                "history",
                timeline.of(
                        id,
                        requests.listFinancingRequestHistory(id, cursor, HISTORY_PAGE)
                                .getBody()));
        if (htmx != null) {
            return "requests/history :: entries";
        }
        model.addAttribute(
                "request",
                Objects.requireNonNull(requests.getFinancingRequest(id).getBody()));
        return "requests/history";
    }

    @PostMapping("/{id}/publish")
    String publish(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String bidDeadline,
            @RequestParam(defaultValue = "") String version,
            Model model,
            RedirectAttributes redirect) {
        LocalDateTime deadline;
        try {
            deadline = LocalDateTime.parse(bidDeadline, LOCAL_INPUT);
        } catch (DateTimeParseException unreadable) {
            model.addAttribute(
                    "deadlineError",
                    messages.getMessage(
                            "enterprise.publish.deadline.unreadable", null, LocaleContextHolder.getLocale()));
            model.addAttribute("bidDeadline", bidDeadline);
            return page(id, model);
        }
        try {
            requests.publishFinancingRequest(
                    id, new Publication(deadline.atZone(Formats.COUNTY_TIME).toOffsetDateTime()), blankToNull(version));
            redirect.addFlashAttribute("done", "enterprise.done.published");
            return "redirect:/requests/" + id;
        } catch (RestClientResponseException refused) {
            BackendProblem problem = BackendProblem.from(refused);
            model.addAttribute("actionProblem", problem);
            model.addAttribute("deadlineError", problem.fieldError("bidDeadline"));
            model.addAttribute("bidDeadline", bidDeadline);
            return page(id, model);
        }
    }

    @PostMapping("/{id}/withdrawal")
    String withdraw(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String version,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                model,
                redirect,
                "enterprise.done.withdrawn",
                () -> requests.withdrawFinancingRequest(id, blankToNull(version)));
    }

    @PostMapping("/{id}/bids/{bidId}/acceptance")
    String acceptBid(@PathVariable UUID id, @PathVariable UUID bidId, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "enterprise.done.bid-accepted", () -> bids.acceptBid(bidId));
    }

    @PostMapping("/{id}/guarantee-offers/{offerId}/acceptance")
    String acceptGuaranteeOffer(
            @PathVariable UUID id, @PathVariable UUID offerId, Model model, RedirectAttributes redirect) {
        return act(
                id,
                model,
                redirect,
                "enterprise.done.guarantee-accepted",
                () -> guaranteeOffers.acceptGuaranteeOffer(offerId));
    }

    private String act(
            UUID id, Model model, RedirectAttributes redirect, String doneKey, Supplier<ResponseEntity<?>> action) {
        try {
            var unused = action.get();
            redirect.addFlashAttribute("done", doneKey);
            return "redirect:/requests/" + id;
        } catch (RestClientResponseException refused) {
            model.addAttribute("actionProblem", BackendProblem.from(refused));
            return page(id, model);
        }
    }

    /** The request's page: each part read on its own, so one part's refusal leaves the rest readable. */
    private String page(UUID id, Model model) {
        ResponseEntity<FinancingRequest> read = requests.getFinancingRequest(id);
        FinancingRequest request = Objects.requireNonNull(read.getBody());
        String status = request.getStatus().getValue();
        model.addAttribute("request", request);
        model.addAttribute("etag", read.getHeaders().getETag());
        if (!model.containsAttribute("bidDeadline")) {
            model.addAttribute(
                    "bidDeadline",
                    LocalDate.now(Formats.COUNTY_TIME)
                            .plusDays(14)
                            .atTime(LocalTime.of(17, 0))
                            .format(LOCAL_INPUT));
        }
        if (status.equals("draft")) {
            section(
                    model,
                    "organization",
                    () -> organizations.getMyOrganization().getBody());
        } else {
            section(model, "comparison", () -> bids.compareBids(id).getBody());
            section(
                    model,
                    "guaranteeOffers",
                    () -> guaranteeOffers
                            .listGuaranteeOffersOnRequest(id, null, 50)
                            .getBody());
            section(model, "interests", () -> investments.listInterests(id).getBody());
        }
        section(
                model,
                "history",
                () -> timeline.of(
                        id,
                        requests.listFinancingRequestHistory(id, null, HISTORY_PAGE)
                                .getBody()));
        section(model, "loanMatches", () -> matching.matchLoanProducts(id, 5).getBody());
        if (request.getGuaranteeWanted()) {
            section(
                    model,
                    "guaranteeMatches",
                    () -> matching.matchGuaranteeProducts(id, 5).getBody());
        }
        section(
                model,
                "investmentMatches",
                () -> matching.matchInvestmentOffers(id, 5).getBody());
        return "requests/show";
    }

    /** Puts what the backend answered under {@code name}, or its refusal under {@code nameProblem}. */
    private static void section(Model model, String name, Supplier<@Nullable Object> read) {
        try {
            Object value = read.get();
            if (value != null) {
                model.addAttribute(name, value);
            }
        } catch (RestClientResponseException refused) {
            model.addAttribute(name + "Problem", BackendProblem.from(refused));
        }
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
