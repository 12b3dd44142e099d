package dev.duijie.console.guarantee;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.api.GuaranteeProductsApi;
import dev.duijie.console.backend.model.GuaranteeProduct;
import dev.duijie.console.backend.model.GuaranteeProductPage;
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

/** The guarantee company's products: list, create, edit, and activate, pause or retire. */
@Controller
class GuaranteeProductsController {

    private final GuaranteeProductsApi products;
    private final Names names;
    private final InputMessages messages;

    GuaranteeProductsController(GuaranteeProductsApi products, Names names, InputMessages messages) {
        this.products = products;
        this.names = names;
        this.messages = messages;
    }

    @GetMapping("/guarantor/products")
    String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
        GuaranteeProductPage page = Objects.requireNonNull(
                products.listGuaranteeProducts(true, cursor, 50).getBody());
        model.addAttribute("products", page.getItems());
        model.addAttribute("nextCursor", page.getNextCursor());
        return "guarantor/products";
    }

    @GetMapping("/guarantor/products/new")
    String newProduct(Model model) {
        FormProblem.none(model);
        return form(GuaranteeProductForm.empty(), null, model);
    }

    @PostMapping("/guarantor/products")
    String create(@ModelAttribute("form") GuaranteeProductForm form, Model model, RedirectAttributes redirect) {
        Map<String, String> unreadable = form.unreadable();
        if (!unreadable.isEmpty()) {
            FormProblem.unreadable(model, messages.resolve(unreadable));
            return form(form, null, model);
        }
        try {
            GuaranteeProduct created =
                    Objects.requireNonNull(products.createGuaranteeProduct(form.draft(), form.idempotencyKey())
                            .getBody());
            redirect.addFlashAttribute("saved", created.getName());
        } catch (RestClientResponseException failure) {
            FormProblem.from(model, failure, GuaranteeProductForm.FIELDS);
            return form(form, null, model);
        }
        return "redirect:/guarantor/products";
    }

    @GetMapping("/guarantor/products/{productId}/edit")
    String edit(@PathVariable UUID productId, Model model) {
        ResponseEntity<GuaranteeProduct> read = products.getGuaranteeProduct(productId);
        GuaranteeProduct product = Objects.requireNonNull(read.getBody());
        FormProblem.none(model);
        return form(GuaranteeProductForm.of(product, read.getHeaders().getETag()), product, model);
    }

    @PostMapping("/guarantor/products/{productId}")
    String update(
            @PathVariable UUID productId,
            @ModelAttribute("form") GuaranteeProductForm form,
            Model model,
            RedirectAttributes redirect) {
        GuaranteeProduct product =
                Objects.requireNonNull(products.getGuaranteeProduct(productId).getBody());
        Map<String, String> unreadable = form.unreadable();
        if (!unreadable.isEmpty()) {
            FormProblem.unreadable(model, messages.resolve(unreadable));
            return form(form, product, model);
        }
        try {
            products.updateGuaranteeProduct(productId, form.draft(), form.etag());
            redirect.addFlashAttribute("saved", form.name());
        } catch (RestClientResponseException failure) {
            FormProblem.from(model, failure, GuaranteeProductForm.FIELDS);
            return form(form, product, model);
        }
        return "redirect:/guarantor/products";
    }

    @PostMapping("/guarantor/products/{productId}/status")
    String changeStatus(@PathVariable UUID productId, @RequestParam String status, RedirectAttributes redirect) {
        try {
            GuaranteeProduct changed = Objects.requireNonNull(products.changeGuaranteeProductStatus(
                            productId, new OfferStatusChange(OfferStatus.fromValue(status)), null)
                    .getBody());
            redirect.addFlashAttribute("changed", changed.getName());
            redirect.addFlashAttribute("changedTo", changed.getStatus().getValue());
        } catch (RestClientResponseException failure) {
            redirect.addFlashAttribute("failure", FormProblem.summary(BackendProblem.from(failure)));
        }
        return "redirect:/guarantor/products";
    }

    private String form(GuaranteeProductForm form, @Nullable GuaranteeProduct product, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("product", product);
        model.addAttribute("referenceData", names.all());
        return "guarantor/product-form";
    }
}
