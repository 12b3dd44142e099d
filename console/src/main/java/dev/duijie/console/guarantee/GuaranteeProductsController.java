package dev.duijie.console.guarantee;

import dev.duijie.console.backend.api.GuaranteeProductsApi;
import dev.duijie.console.backend.model.GuaranteeProduct;
import dev.duijie.console.backend.model.GuaranteeProductPage;
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

/** The guarantee company's products: list, create, edit, and activate, pause or retire. */
@Controller
class GuaranteeProductsController {

    private static final String LIST = "redirect:/guarantor/products";

    private final GuaranteeProductsApi products;
    private final CountyNames names;
    private final OwnOffers own;

    GuaranteeProductsController(GuaranteeProductsApi products, CountyNames names, OwnOffers own) {
        this.products = products;
        this.names = names;
        this.own = own;
    }

    @GetMapping("/guarantor/products")
    String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
        GuaranteeProductPage page = Objects.requireNonNull(
                products.listGuaranteeProducts(true, cursor, 50).getBody());
        own.showPage(model, page.getItems(), page.getNextCursor());
        return "guarantor/products";
    }

    @GetMapping("/guarantor/products/new")
    String newProduct(Model model) {
        FormProblem.none(model);
        return form(GuaranteeProductForm.empty(), null, model);
    }

    @PostMapping("/guarantor/products")
    String create(@ModelAttribute("form") GuaranteeProductForm form, Model model, RedirectAttributes redirect) {
        boolean saved = own.save(
                form.unreadable(),
                () -> body(products.createGuaranteeProduct(form.draft(), form.idempotencyKey()))
                        .getName(),
                GuaranteeProductForm.FIELDS,
                model,
                redirect);
        return saved ? LIST : form(form, null, model);
    }

    @GetMapping("/guarantor/products/{productId}/edit")
    String edit(@PathVariable UUID productId, Model model) {
        ResponseEntity<GuaranteeProduct> read = products.getGuaranteeProduct(productId);
        GuaranteeProduct product = body(read);
        FormProblem.none(model);
        return form(GuaranteeProductForm.of(product, read.getHeaders().getETag()), product, model);
    }

    @PostMapping("/guarantor/products/{productId}")
    String update(
            @PathVariable UUID productId,
            @ModelAttribute("form") GuaranteeProductForm form,
            Model model,
            RedirectAttributes redirect) {
        GuaranteeProduct product = body(products.getGuaranteeProduct(productId));
        boolean saved = own.save(
                form.unreadable(),
                () -> body(products.updateGuaranteeProduct(productId, form.draft(), form.etag()))
                        .getName(),
                GuaranteeProductForm.FIELDS,
                model,
                redirect);
        return saved ? LIST : form(form, product, model);
    }

    @PostMapping("/guarantor/products/{productId}/status")
    String changeStatus(@PathVariable UUID productId, @RequestParam String status, RedirectAttributes redirect) {
        own.changeStatus(
                status,
                change -> products.changeGuaranteeProductStatus(productId, change, null),
                GuaranteeProduct::getName,
                GuaranteeProduct::getStatus,
                redirect);
        return LIST;
    }

    private String form(GuaranteeProductForm form, @Nullable GuaranteeProduct product, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("product", product);
        model.addAttribute("referenceData", names.data());
        return "guarantor/product-form";
    }

    private static GuaranteeProduct body(ResponseEntity<GuaranteeProduct> answer) {
        return Objects.requireNonNull(answer.getBody());
    }
}
