package dev.duijie.console.investment;

import dev.duijie.console.backend.api.InvestmentOffersApi;
import dev.duijie.console.backend.model.InvestmentKind;
import dev.duijie.console.backend.model.InvestmentOffer;
import dev.duijie.console.backend.model.InvestmentOfferPage;
import dev.duijie.console.backend.model.InvestmentStage;
import dev.duijie.console.offers.FormProblem;
import dev.duijie.console.offers.OwnOffers;
import dev.duijie.console.web.CountyNames;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The investor's investment offers: list, create, edit, and make live, pause or retire. */
@Controller
class InvestmentOffersController {

    private static final String LIST = "redirect:/investor/products";

    private final InvestmentOffersApi offers;
    private final CountyNames names;
    private final OwnOffers own;

    InvestmentOffersController(InvestmentOffersApi offers, CountyNames names, OwnOffers own) {
        this.offers = offers;
        this.names = names;
        this.own = own;
    }

    @GetMapping("/investor/products")
    String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
        InvestmentOfferPage page = Objects.requireNonNull(
                offers.listInvestmentOffers(true, cursor, 50).getBody());
        own.showPage(model, page.getItems(), page.getNextCursor());
        return "investor/products";
    }

    @GetMapping("/investor/products/new")
    String newOffer(Model model) {
        FormProblem.none(model);
        return form(InvestmentOfferForm.empty(), null, model);
    }

    @PostMapping("/investor/products")
    String create(@ModelAttribute("form") InvestmentOfferForm form, Model model, RedirectAttributes redirect) {
        boolean saved = own.save(
                form.unreadable(),
                () -> body(offers.createInvestmentOffer(form.draft(), form.idempotencyKey()))
                        .getName(),
                InvestmentOfferForm.FIELDS,
                model,
                redirect);
        return saved ? LIST : form(form, null, model);
    }

    @GetMapping("/investor/products/{offerId}/edit")
    String edit(@PathVariable UUID offerId, Model model) {
        ResponseEntity<InvestmentOffer> read = offers.getInvestmentOffer(offerId);
        InvestmentOffer offer = body(read);
        FormProblem.none(model);
        return form(InvestmentOfferForm.of(offer, read.getHeaders().getETag()), offer, model);
    }

    @PostMapping("/investor/products/{offerId}")
    String update(
            @PathVariable UUID offerId,
            @ModelAttribute("form") InvestmentOfferForm form,
            Model model,
            RedirectAttributes redirect) {
        InvestmentOffer offer = body(offers.getInvestmentOffer(offerId));
        boolean saved = own.save(
                form.unreadable(),
                () -> body(offers.updateInvestmentOffer(offerId, form.draft(), form.etag()))
                        .getName(),
                InvestmentOfferForm.FIELDS,
                model,
                redirect);
        return saved ? LIST : form(form, offer, model);
    }

    @PostMapping("/investor/products/{offerId}/status")
    String changeStatus(@PathVariable UUID offerId, @RequestParam String status, RedirectAttributes redirect) {
        own.changeStatus(
                status,
                change -> offers.changeInvestmentOfferStatus(offerId, change, null),
                InvestmentOffer::getName,
                InvestmentOffer::getStatus,
                redirect);
        return LIST;
    }

    private String form(InvestmentOfferForm form, @Nullable InvestmentOffer offer, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("offer", offer);
        model.addAttribute("referenceData", names.data());
        model.addAttribute("kinds", InvestmentKind.values());
        model.addAttribute("stages", InvestmentStage.values());
        return "investor/product-form";
    }

    private static InvestmentOffer body(ResponseEntity<InvestmentOffer> answer) {
        return Objects.requireNonNull(answer.getBody());
    }
}
