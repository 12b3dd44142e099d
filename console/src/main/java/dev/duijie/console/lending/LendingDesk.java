package dev.duijie.console.lending;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.api.BidsApi;
import dev.duijie.console.backend.api.GuaranteeProductsApi;
import dev.duijie.console.backend.api.LoanProductsApi;
import dev.duijie.console.backend.model.Bid;
import dev.duijie.console.backend.model.BidPage;
import dev.duijie.console.backend.model.BidStatus;
import dev.duijie.console.backend.model.GuaranteeProduct;
import dev.duijie.console.backend.model.GuaranteeProductPage;
import dev.duijie.console.backend.model.LoanProduct;
import dev.duijie.console.backend.model.LoanProductPage;
import dev.duijie.console.backend.model.OfferStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What several bank screens read from the backend: the bank's products and bids, guarantors' products. */
@Component
class LendingDesk {

    private final LoanProductsApi loanProducts;
    private final GuaranteeProductsApi guaranteeProducts;
    private final BidsApi bids;

    LendingDesk(LoanProductsApi loanProducts, GuaranteeProductsApi guaranteeProducts, BidsApi bids) {
        this.loanProducts = loanProducts;
        this.guaranteeProducts = guaranteeProducts;
        this.bids = bids;
    }

    List<LoanProduct> myActiveProducts() {
        LoanProductPage page = loanProducts.listLoanProducts(true, null, 100).getBody();
        return page == null
                ? List.of()
                : page.getItems().stream()
                        .filter(p -> p.getStatus() == OfferStatus.ACTIVE)
                        .toList();
    }

    List<GuaranteeProduct> activeGuaranteeProducts() {
        GuaranteeProductPage page =
                guaranteeProducts.listGuaranteeProducts(false, null, 100).getBody();
        return page == null ? List.of() : page.getItems();
    }

    /** The bank's own bids, newest first (the first 100). */
    List<Bid> myBids() {
        BidPage page = bids.listMyBids(null, 100).getBody();
        return page == null ? List.of() : page.getItems();
    }

    /** The bank's own bid on a request that still stands (submitted or accepted). */
    Optional<Bid> myStandingBidOn(UUID requestId) {
        return myBids().stream()
                .filter(b -> b.getFinancingRequestId().equals(requestId))
                .filter(b -> b.getStatus() == BidStatus.SUBMITTED || b.getStatus() == BidStatus.ACCEPTED)
                .findFirst();
    }

    /**
     * The backend's field messages put beside the form's fields: each contract field path goes to the form field
     * of its longest known prefix; any other message is returned in {@code others}.
     */
    static void placeErrors(
            BackendProblem problem, Map<String, String> fields, Map<String, String> errors, List<String> others) {
        problem.fieldErrors().forEach((path, message) -> {
            @org.jspecify.annotations.Nullable String best = null;
            for (String known : fields.keySet()) {
                if ((path.equals(known) || path.startsWith(known + ".") || path.startsWith(known + "["))
                        && (best == null || known.length() > best.length())) {
                    best = known;
                }
            }
            if (best == null) {
                others.add(message);
            } else {
                errors.merge(java.util.Objects.requireNonNull(fields.get(best)), message, (a, b) -> a + "；" + b);
            }
        });
        if (problem.fieldErrors().isEmpty()) {
            String detail = problem.detail();
            others.add(detail != null ? detail : problem.title());
        }
    }

    static List<String> newList() {
        return new ArrayList<>();
    }
}
