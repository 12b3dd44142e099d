package dev.duijie.offer;

import dev.duijie.search.ChineseWords;
import dev.duijie.search.IndexedDocuments;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** How a loan product looks in the matching index: only while active. Empty lists (any) are left out. */
@Component
public class LoanProductDocuments implements IndexedDocuments {

    private final LoanProducts products;
    private final ChineseWords chineseWords;

    LoanProductDocuments(LoanProducts products, ChineseWords chineseWords) {
        this.products = products;
        this.chineseWords = chineseWords;
    }

    @Override
    public String name() {
        return "loan-products";
    }

    @Override
    public int mappingVersion() {
        return 1;
    }

    @Override
    public Current current(UUID id) {
        return products.find(id)
                .map(product -> new Current(product.state().version(),
                        product.state().status() == OfferStatus.ACTIVE ? document(product) : null))
                .orElseGet(Current::absent);
    }

    @Override
    public List<UUID> candidateIds() {
        return products.active().stream().map(product -> product.state().id()).toList();
    }

    private Map<String, Object> document(LoanProduct product) {
        LoanTerms terms = product.terms();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", product.state().id().toString());
        document.put("organizationId", product.state().organizationId().toString());
        document.put("name", chineseWords.segmented(terms.name()));
        document.put("description", chineseWords.segmented(terms.description()));
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
        document.put("version", product.state().version());
        return document;
    }

    private static void putUnlessEmpty(Map<String, Object> document, String field, List<String> values) {
        if (!values.isEmpty()) {
            document.put(field, values);
        }
    }
}
