package dev.duijie.offer;

import dev.duijie.search.ChineseWords;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Guarantee products in the matching index. */
@Component
public class GuaranteeProductDocuments extends OfferDocuments<GuaranteeProduct, GuaranteeTerms> {

    GuaranteeProductDocuments(GuaranteeProducts products, ChineseWords chineseWords) {
        super(products, chineseWords, "guarantee-products");
    }

    @Override
    void addTerms(Map<String, Object> document, GuaranteeTerms terms) {
        document.put("name", words(terms.name()));
        document.put("description", words(terms.description()));
        document.put("maxAmountFen", terms.maxAmountFen());
        document.put("coverageRatioBp", terms.coverageRatioBp());
        document.put("annualFeeRateBp", terms.annualFeeRateBp());
        putUnlessEmpty(document, "industries", terms.industries());
        putUnlessEmpty(document, "tiers", terms.tiers());
        document.put("counterGuaranteeRequired", terms.counterGuaranteeRequired());
    }
}
