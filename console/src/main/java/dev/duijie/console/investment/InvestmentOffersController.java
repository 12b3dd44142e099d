package dev.duijie.console.investment;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.api.InvestmentOffersApi;
import dev.duijie.console.backend.model.InvestmentKind;
import dev.duijie.console.backend.model.InvestmentOffer;
import dev.duijie.console.backend.model.InvestmentOfferPage;
import dev.duijie.console.backend.model.InvestmentStage;
import dev.duijie.console.backend.model.OfferStatus;
import dev.duijie.console.backend.model.OfferStatusChange;
import dev.duijie.console.offers.FormProblem;
import dev.duijie.console.offers.InputMessages;
import dev.duijie.console.offers.Names;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The investor's investment offers: list, create, edit, and make live, pause or retire. */
@Controller
class InvestmentOffersController {

    private final InvestmentOffersApi offers;
    private final Names names;
    private final InputMessages messages;

    InvestmentOffersController(InvestmentOffersApi offers, Names names, InputMessages messages) {
        this.offers = offers;
        this.names = names;
        this.messages = messages;
    }

    @GetMapping("/investor/products")
    String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
        InvestmentOfferPage page = Objects.requireNonNull(
                offers.listInvestmentOffers(true, cursor, 50).getBody());
        model.addAttribute("offers", page.getItems());
        model.addAttribute("nextCursor", page.getNextCursor());
        return "investor/products";
    }

    @GetMapping("/investor/products/new")
    String newOffer(Model model) {
        FormProblem.none(model);
        return form(InvestmentOfferForm.empty(), null, model);
    }

    @PostMapping("/investor/products")
    String create(@ModelAttribute("form") InvestmentOfferForm form, Model model, RedirectAttributes redirect) {
        Map<String, String> unreadable = form.unreadable();
        if (!unreadable.isEmpty()) {
            FormProblem.unreadable(model, messages.resolve(unreadable));
            return form(form, null, model);
        }
        try {
            InvestmentOffer created =
                    Objects.requireNonNull(offers.createInvestmentOffer(form.draft(), form.idempotencyKey())
                            .getBody());
            redirect.addFlashAttribute("saved", created.getName());
        } catch (RestClientResponseException failure) {
            FormProblem.from(model, failure, InvestmentOfferForm.FIELDS);
            return form(form, null, model);
        }
        return "redirect:/investor/products";
    }

    @GetMapping("/investor/products/{productId}/edit")
    String edit(@PathVariable UUID productId, Model model) {
        ResponseEntity<InvestmentOffer> read = offers.getInvestmentOffer(productId);
        InvestmentOffer offer = Objects.requireNonNull(read.getBody());
        FormProblem.none(model);
        return form(InvestmentOfferForm.of(offer, read.getHeaders().getETag()), offer, model);
    }

    @PostMapping("/investor/products/{productId}")
    String update(
            @PathVariable UUID productId,
            @ModelAttribute("form") InvestmentOfferForm form,
            Model model,
            RedirectAttributes redirect) {
        InvestmentOffer offer =
                Objects.requireNonNull(offers.getInvestmentOffer(productId).getBody());
        Map<String, String> unreadable = form.unreadable();
        if (!unreadable.isEmpty()) {
            FormProblem.unreadable(model, messages.resolve(unreadable));
            return form(form, offer, model);
        }
        try {
            offers.updateInvestmentOffer(productId, form.draft(), form.etag());
            redirect.addFlashAttribute("saved", form.name());
        } catch (RestClientResponseException failure) {
            FormProblem.from(model, failure, InvestmentOfferForm.FIELDS);
            return form(form, offer, model);
        }
        return "redirect:/investor/products";
    }

    @PostMapping("/investor/products/{productId}/status")
    String changeStatus(@PathVariable UUID productId, @RequestParam String status, RedirectAttributes redirect) {
        try {
            InvestmentOffer changed = Objects.requireNonNull(offers.changeInvestmentOfferStatus(
                            productId, new OfferStatusChange(OfferStatus.fromValue(status)), null)
                    .getBody());
            redirect.addFlashAttribute("changed", changed.getName());
            redirect.addFlashAttribute("changedTo", changed.getStatus().getValue());
        } catch (RestClientResponseException failure) {
            redirect.addFlashAttribute("failure", FormProblem.summary(BackendProblem.from(failure)));
        }
        return "redirect:/investor/products";
    }

    private String form(InvestmentOfferForm form, @Nullable InvestmentOffer offer, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("offer", offer);
        model.addAttribute("referenceData", names.all());
        model.addAttribute("kinds", InvestmentKind.values());
        model.addAttribute("stages", InvestmentStage.values());
        return "investor/product-form";
    }
}
