package dev.duijie.console.investment;

import dev.duijie.console.backend.api.FinancingRequestsApi;
import dev.duijie.console.backend.api.InvestmentOffersApi;
import dev.duijie.console.backend.api.MatchingApi;
import dev.duijie.console.backend.model.FinancingRequest;
import dev.duijie.console.backend.model.Interest;
import dev.duijie.console.backend.model.InterestDraft;
import dev.duijie.console.backend.model.InvestmentOffer;
import dev.duijie.console.backend.model.MyInterestPage;
import dev.duijie.console.backend.model.OfferStatus;
import dev.duijie.console.offers.FormProblem;
import dev.duijie.console.offers.Match;
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
 * The investor's inbox (open requests whose amount fits its live offers, with why), a request's page where it
 * expresses interest, and its interests.
 */
@Controller
class InvestorInboxController {

    static final List<String> INTEREST_FIELDS = List.of("investmentOfferId", "note");
    private static final int PAGE_SIZE = 20;

    private final InvestmentOffersApi offers;
    private final MatchingApi matching;
    private final FinancingRequestsApi requests;

    InvestorInboxController(InvestmentOffersApi offers, MatchingApi matching, FinancingRequestsApi requests) {
        this.offers = offers;
        this.matching = matching;
        this.requests = requests;
    }

    /**
     * Interest as typed.
     *
     * @param investmentOfferId the offer it is under, if any
     * @param note a word to the firm
     */
    record InterestForm(
            @Nullable String investmentOfferId, @Nullable String note) {}

    @GetMapping("/investor/inbox")
    String inbox(Model model) {
        List<InvestmentOffer> active = activeOffers();
        Map<String, List<Match>> byOffer = new LinkedHashMap<>();
        for (InvestmentOffer offer : active) {
            byOffer.put(
                    offer.getName(),
                    Objects.requireNonNull(matching.matchOpenRequestsForInvestment(offer.getId(), 20)
                                    .getBody())
                            .getItems()
                            .stream()
                            .map(match -> Match.of(match, offer.getName()))
                            .toList());
        }
        model.addAttribute("activeOffers", active);
        model.addAttribute("matchesByOffer", byOffer);
        return "investor/inbox";
    }

    @GetMapping("/investor/requests/{requestId}")
    String request(@PathVariable UUID requestId, Model model) {
        FormProblem.none(model);
        return requestPage(requestId, new InterestForm(null, null), model);
    }

    @PostMapping("/investor/requests/{requestId}/interest")
    String express(
            @PathVariable UUID requestId,
            @ModelAttribute("form") InterestForm form,
            Model model,
            RedirectAttributes redirect) {
        InterestDraft draft = new InterestDraft();
        if (form.investmentOfferId() != null && !form.investmentOfferId().isBlank()) {
            draft.setInvestmentOfferId(UUID.fromString(form.investmentOfferId()));
        }
        if (form.note() != null && !form.note().isBlank()) {
            draft.setNote(form.note().strip());
        }
        try {
            Interest interest = Objects.requireNonNull(
                    offers.expressInterest(requestId, draft).getBody());
            redirect.addFlashAttribute("expressedAt", interest.getCreatedAt());
        } catch (RestClientResponseException failure) {
            FormProblem.from(model, failure, INTEREST_FIELDS);
            return requestPage(requestId, form, model);
        }
        return "redirect:/investor/requests/" + requestId;
    }

    /** The interests the investor expressed, newest first, each linked to its project while it may still read it. */
    @GetMapping("/interests")
    String interests(@RequestParam(required = false) @Nullable String cursor, Model model) {
        MyInterestPage page = myInterests(cursor, PAGE_SIZE);
        Map<UUID, String> offerNames = new HashMap<>();
        Objects.requireNonNull(offers.listInvestmentOffers(true, null, 100).getBody())
                .getItems()
                .forEach(offer -> offerNames.put(offer.getId(), offer.getName()));
        model.addAttribute("interests", page.getItems());
        model.addAttribute("nextCursor", page.getNextCursor());
        model.addAttribute("offerNames", offerNames);
        model.addAttribute("activeOffers", activeOffers());
        return "investor/interests";
    }

    /** A page of the investor's own interests, newest first. */
    MyInterestPage myInterests(@Nullable String cursor, int limit) {
        return Objects.requireNonNull(offers.listMyInterests(cursor, limit).getBody());
    }

    private String requestPage(UUID requestId, InterestForm form, Model model) {
        FinancingRequest request =
                Objects.requireNonNull(requests.getFinancingRequest(requestId).getBody());
        model.addAttribute("request", request);
        model.addAttribute("form", form);
        model.addAttribute("activeOffers", activeOffers());
        return "investor/request";
    }

    List<InvestmentOffer> activeOffers() {
        return Objects.requireNonNull(
                        offers.listInvestmentOffers(true, null, 100).getBody())
                .getItems()
                .stream()
                .filter(offer -> offer.getStatus() == OfferStatus.ACTIVE)
                .toList();
    }
}
