package dev.duijie.bidding;

import dev.duijie.financing.FinancingRequest;
import dev.duijie.offer.GuaranteeProduct;
import dev.duijie.offer.OfferLookup;
import dev.duijie.offer.OfferStatus;
import dev.duijie.referencedata.ReferenceData;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.Quantity;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The guarantee product a guarantor stands behind on a request, whether named in a bank's bid or in the
 * guarantor's own offer: one of its active products, large enough, and for the request's industry (a
 * product for an industry covers the industries below it, as in matching).
 */
@Component
class GuaranteeProductCheck {

    private final OfferLookup offers;
    private final ReferenceData referenceData;

    GuaranteeProductCheck(OfferLookup offers, ReferenceData referenceData) {
        this.offers = offers;
        this.referenceData = referenceData;
    }

    /**
     * @param productField the input field a wrong product is reported on
     * @param amountFen    the amount to guarantee, reported on {@code amountField} when above the product's limit
     */
    GuaranteeProduct fitting(
            UUID guarantor,
            UUID productId,
            FinancingRequest request,
            long amountFen,
            String productField,
            String amountField) {
        GuaranteeProduct product = offers.guaranteeProduct(productId)
                .filter(p -> p.state().organizationId().equals(guarantor))
                .filter(p -> p.state().status() == OfferStatus.ACTIVE)
                .orElseThrow(() -> DomainProblem.invalidField(productField, "field.guarantee.product"));
        if (amountFen > product.terms().maxAmountFen()) {
            throw DomainProblem.invalidField(
                    amountField,
                    "field.guarantee.product-max",
                    Quantity.fen(product.terms().maxAmountFen()));
        }
        List<String> industries = product.terms().industries();
        if (!industries.isEmpty()
                && Collections.disjoint(
                        industries,
                        referenceData.withAncestors(
                                ReferenceData.Vocabulary.INDUSTRY,
                                request.content().industry()))) {
            throw DomainProblem.invalidField(productField, "field.guarantee.product-industry");
        }
        return product;
    }
}
