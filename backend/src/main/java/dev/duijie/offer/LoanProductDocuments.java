package dev.duijie.offer;

import dev.duijie.search.ChineseWords;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Loan products in the matching index. */
@Component
public class LoanProductDocuments extends OfferDocuments<LoanProduct, LoanTerms> {

    LoanProductDocuments(LoanProducts products, ChineseWords chineseWords) {
        super(products, chineseWords, "loan-products");
    }

    @Override
    void addTerms(Map<String, Object> document, LoanTerms terms) {
        document.put("name", words(terms.name()));
        document.put("description", words(terms.description()));
        document.put("amountMinFen", terms.amountMinFen());
        document.put("amountMaxFen", terms.amountMaxFen());
        document.put("amountMidFen", terms.amountMinFen() + (terms.amountMaxFen() - terms.amountMinFen()) / 2);
        document.put("termMinMonths", terms.termMinMonths());
        document.put("termMaxMonths", terms.termMaxMonths());
        document.put("termMidMonths", (terms.termMinMonths() + terms.termMaxMonths()) / 2);
        document.put("rateMinBp", terms.rateMinBp());
        document.put("rateMaxBp", terms.rateMaxBp());
        putUnlessEmpty(document, "industries", terms.industries());
        putUnlessEmpty(document, "regions", terms.regions());
        putUnlessEmpty(document, "tiers", terms.tiers());
        putUnlessEmpty(document, "collateralAccepted", terms.collateralAccepted());
        document.put("guaranteeRequired", terms.guaranteeRequired());
        putUnlessEmpty(document, "policyTags", terms.policyTags());
    }
}
