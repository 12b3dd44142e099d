package dev.duijie.console.lending;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.api.LoanProductsApi;
import dev.duijie.console.backend.model.LoanProduct;
import dev.duijie.console.backend.model.LoanProductDraft;
import dev.duijie.console.backend.model.LoanProductPage;
import dev.duijie.console.backend.model.OfferStatus;
import dev.duijie.console.backend.model.OfferStatusChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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

/** /products: the bank's loan products - list, create, edit (If-Match), activate, pause, retire. */
@Controller
class ProductsController {

    private final LoanProductsApi products;
    private final LendingDesk desk;
    private final MessageSource messages;

    ProductsController(LoanProductsApi products, LendingDesk desk, MessageSource messages) {
        this.products = products;
        this.desk = desk;
        this.messages = messages;
    }

    @GetMapping("/products")
    String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
        LoanProductPage page =
                products.listLoanProducts(true, Inputs.blankToNull(cursor), 20).getBody();
        model.addAttribute("products", page == null ? List.of() : page.getItems());
        model.addAttribute("nextCursor", page == null ? null : page.getNextCursor());
        return "bank/products";
    }

    @GetMapping("/products/new")
    String newProduct(Model model) {
        ProductForm form = new ProductForm();
        form.setTermMin("12");
        form.setTermMax("36");
        return form(null, form, new LinkedHashMap<>(), LendingDesk.newList(), false, model);
    }

    @PostMapping("/products")
    String create(@ModelAttribute("form") ProductForm form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> others = LendingDesk.newList();
        LoanProductDraft draft = form.toDraft(new Inputs(messages, errors));
        if (draft != null) {
            try {
                LoanProduct created = Objects.requireNonNull(products.createLoanProduct(draft, form.getIdempotencyKey())
                        .getBody());
                redirect.addFlashAttribute("saved", created.getName());
                return "redirect:/products";
            } catch (RestClientResponseException refused) {
                LendingDesk.placeErrors(BackendProblem.from(refused), ProductForm.FIELDS, errors, others);
            }
        }
        return form(null, form, errors, others, false, model);
    }

    @GetMapping("/products/{productId}/edit")
    String edit(@PathVariable UUID productId, Model model) {
        ResponseEntity<LoanProduct> read = products.getLoanProduct(productId);
        LoanProduct product = Objects.requireNonNull(read.getBody());
        return form(
                product,
                ProductForm.of(product, read.getHeaders().getETag()),
                new LinkedHashMap<>(),
                LendingDesk.newList(),
                false,
                model);
    }

    @PostMapping("/products/{productId}")
    String update(
            @PathVariable UUID productId,
            @ModelAttribute("form") ProductForm form,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> others = LendingDesk.newList();
        LoanProductDraft draft = form.toDraft(new Inputs(messages, errors));
        boolean stale = false;
        if (draft != null) {
            try {
                LoanProduct saved = Objects.requireNonNull(products.updateLoanProduct(productId, draft, form.getEtag())
                        .getBody());
                redirect.addFlashAttribute("saved", saved.getName());
                return "redirect:/products";
            } catch (RestClientResponseException refused) {
                BackendProblem problem = BackendProblem.from(refused);
                stale = problem.stale();
                if (!stale) {
                    LendingDesk.placeErrors(problem, ProductForm.FIELDS, errors, others);
                }
            }
        }
        LoanProduct product =
                Objects.requireNonNull(products.getLoanProduct(productId).getBody());
        return form(product, form, errors, others, stale, model);
    }

    @PostMapping("/products/{productId}/status")
    String changeStatus(@PathVariable UUID productId, @RequestParam String status, RedirectAttributes redirect) {
        try {
            LoanProduct changed = Objects.requireNonNull(products.changeLoanProductStatus(
                            productId, new OfferStatusChange().status(OfferStatus.fromValue(status)), null)
                    .getBody());
            redirect.addFlashAttribute("statusChanged", changed.getName());
            redirect.addFlashAttribute("newStatus", changed.getStatus().getValue());
        } catch (RestClientResponseException refused) {
            BackendProblem problem = BackendProblem.from(refused);
            String detail = problem.detail();
            redirect.addFlashAttribute("problem", detail != null ? detail : problem.title());
        }
        return "redirect:/products";
    }

    private String form(
            @Nullable LoanProduct product,
            ProductForm form,
            Map<String, String> errors,
            List<String> others,
            boolean stale,
            Model model) {
        model.addAttribute("product", product);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("others", others);
        model.addAttribute("stale", stale);
        return "bank/product-form";
    }
}
