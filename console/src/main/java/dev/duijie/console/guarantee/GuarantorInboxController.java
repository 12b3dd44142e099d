package dev.duijie.console.guarantee;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.api.FinancingRequestsApi;
import dev.duijie.console.backend.api.GuaranteeOffersApi;
import dev.duijie.console.backend.api.GuaranteeProductsApi;
import dev.duijie.console.backend.api.MatchingApi;
import dev.duijie.console.backend.model.FinancingRequest;
import dev.duijie.console.backend.model.GuaranteeOffer;
import dev.duijie.console.backend.model.GuaranteeOfferDraft;
import dev.duijie.console.backend.model.GuaranteeOfferPage;
import dev.duijie.console.backend.model.GuaranteeProduct;
import dev.duijie.console.backend.model.OfferStatus;
import dev.duijie.console.offers.FormProblem;
import dev.duijie.console.offers.InputMessages;
import dev.duijie.console.offers.Match;
import dev.duijie.console.offers.NumberInput;
import dev.duijie.console.web.Formats;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The guarantor's inbox (open requests that fit its active guarantee products, with why), a request's page with
 * the form for its own guarantee offer, and its offers.
 */
@Controller
class GuarantorInboxController {

    static final List<String> OFFER_FIELDS =
            List.of("guaranteeProductId", "coverageRatioBp", "annualFeeRateBp", "validUntil", "conditions");

    private final GuaranteeProductsApi products;
    private final MatchingApi matching;
    private final FinancingRequestsApi requests;
    private final GuaranteeOffersApi offers;
    private final InputMessages messages;

    GuarantorInboxController(
            InputMessages messages,
            GuaranteeProductsApi products,
            MatchingApi matching,
            FinancingRequestsApi requests,
            GuaranteeOffersApi offers) {
        this.products = products;
        this.matching = matching;
        this.requests = requests;
        this.offers = offers;
        this.messages = messages;
    }

    /**
     * The guarantor's own offer as typed: percentages, a date, the product.
     *
     * @param guaranteeProductId which of its active products
     * @param coveragePercent share of the loan guaranteed, in percent
     * @param feePercent annual fee on the guaranteed amount, in percent
     * @param validUntil the last day the offer stands (county date)
     * @param conditions its conditions
     * @param idempotencyKey made when the form was shown
     */
    record OfferForm(
            @Nullable String guaranteeProductId,
            @Nullable String coveragePercent,
            @Nullable String feePercent,
            @Nullable String validUntil,
            @Nullable String conditions,
            @Nullable String idempotencyKey) {}

    @GetMapping("/guarantor/inbox")
    String inbox(Model model) {
        List<GuaranteeProduct> active = activeProducts();
        Map<String, List<Match>> byProduct = new LinkedHashMap<>();
        for (GuaranteeProduct product : active) {
            byProduct.put(
                    product.getName(),
                    Objects.requireNonNull(matching.matchOpenRequestsForGuarantee(product.getId(), 20)
                                    .getBody())
                            .getItems()
                            .stream()
                            .map(match -> Match.of(match, product.getName()))
                            .toList());
        }
        model.addAttribute("activeProducts", active);
        model.addAttribute("matchesByProduct", byProduct);
        return "guarantor/inbox";
    }

    @GetMapping("/guarantor/requests/{requestId}")
    String request(@PathVariable UUID requestId, Model model) {
        FormProblem.none(model);
        return requestPage(
                requestId,
                new OfferForm(null, null, null, null, null, UUID.randomUUID().toString()),
                model);
    }

    @PostMapping("/guarantor/requests/{requestId}/guarantee-offers")
    String submit(
            @PathVariable UUID requestId,
            @ModelAttribute("form") OfferForm form,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        @Nullable Integer coverage = NumberInput.percentToBp(form.coveragePercent());
        @Nullable Integer fee = NumberInput.percentToBp(form.feePercent());
        @Nullable OffsetDateTime validUntil = endOfDay(form.validUntil());
        @Nullable UUID productId = uuid(form.guaranteeProductId());
        if (coverage == null) {
            unreadable.put("coverageRatioBp", "number");
        }
        if (fee == null) {
            unreadable.put("annualFeeRateBp", "number");
        }
        if (validUntil == null) {
            unreadable.put("validUntil", "date");
        }
        if (productId == null) {
            unreadable.put("guaranteeProductId", "choose");
        }
        if (coverage == null || fee == null || validUntil == null || productId == null) {
            FormProblem.unreadable(model, messages.resolve(unreadable));
            return requestPage(requestId, form, model);
        }
        GuaranteeOfferDraft draft = new GuaranteeOfferDraft(productId, coverage, fee, validUntil);
        if (form.conditions() != null && !form.conditions().isBlank()) {
            draft.setConditions(form.conditions().strip());
        }
        try {
            offers.submitGuaranteeOffer(requestId, draft, form.idempotencyKey());
        } catch (RestClientResponseException failure) {
            FormProblem.from(model, failure, OFFER_FIELDS);
            return requestPage(requestId, form, model);
        }
        redirect.addFlashAttribute("submitted", true);
        return "redirect:/guarantor/requests/" + requestId;
    }

    @GetMapping("/guarantee-offers")
    String myOffers(@RequestParam(required = false) @Nullable String cursor, Model model) {
        GuaranteeOfferPage page =
                Objects.requireNonNull(offers.listMyGuaranteeOffers(cursor, 50).getBody());
        Map<UUID, @Nullable FinancingRequest> read = new HashMap<>();
        List<OfferRow> rows = new ArrayList<>();
        for (GuaranteeOffer offer : page.getItems()) {
            UUID id = offer.getFinancingRequestId();
            if (!read.containsKey(id)) {
                read.put(id, readRequest(id));
            }
            rows.add(new OfferRow(offer, read.get(id)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("nextCursor", page.getNextCursor());
        return "guarantor/guarantee-offers";
    }

    @PostMapping("/guarantee-offers/{offerId}/withdrawal")
    String withdraw(@PathVariable UUID offerId, RedirectAttributes redirect) {
        try {
            offers.withdrawGuaranteeOffer(offerId);
            redirect.addFlashAttribute("withdrawn", true);
        } catch (RestClientResponseException failure) {
            redirect.addFlashAttribute("failure", FormProblem.summary(BackendProblem.from(failure)));
        }
        return "redirect:/guarantee-offers";
    }

    private String requestPage(UUID requestId, OfferForm form, Model model) {
        FinancingRequest request =
                Objects.requireNonNull(requests.getFinancingRequest(requestId).getBody());
        model.addAttribute("request", request);
        model.addAttribute("form", form);
        model.addAttribute("activeProducts", activeProducts());
        model.addAttribute(
                "myOffers",
                Objects.requireNonNull(offers.listGuaranteeOffersOnRequest(requestId, null, 20)
                                .getBody())
                        .getItems());
        model.addAttribute(
                "defaultValidUntil", LocalDate.now(Formats.COUNTY_TIME).plusDays(30));
        return "guarantor/request";
    }

    List<GuaranteeProduct> activeProducts() {
        return Objects.requireNonNull(
                        products.listGuaranteeProducts(true, null, 100).getBody())
                .getItems()
                .stream()
                .filter(product -> product.getStatus() == OfferStatus.ACTIVE)
                .toList();
    }

    private @Nullable FinancingRequest readRequest(UUID id) {
        try {
            return requests.getFinancingRequest(id).getBody();
        } catch (RestClientResponseException notVisible) {
            return null;
        }
    }

    /** The end of the chosen day in county time, so "valid until 12 March" means all of that day. */
    private static @Nullable OffsetDateTime endOfDay(@Nullable String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip())
                    .atTime(LocalTime.of(23, 59))
                    .atZone(Formats.COUNTY_TIME)
                    .toOffsetDateTime();
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static @Nullable UUID uuid(@Nullable String id) {
        try {
            return id == null || id.isBlank() ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
