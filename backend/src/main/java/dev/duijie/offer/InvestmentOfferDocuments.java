package dev.duijie.offer;

import dev.duijie.search.ChineseWords;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Investment offers in the matching index. */
@Component
public class InvestmentOfferDocuments extends OfferDocuments<InvestmentOffer, InvestmentTerms> {

    InvestmentOfferDocuments(InvestmentOffers offers, ChineseWords chineseWords) {
        super(offers, chineseWords, "investment-offers");
    }

    @Override
    void addTerms(Map<String, Object> document, InvestmentTerms terms) {
        document.put("name", words(terms.name()));
        document.put("description", words(terms.description()));
        document.put("kind", terms.kind());
        document.put("ticketMinFen", terms.ticketMinFen());
        document.put("ticketMaxFen", terms.ticketMaxFen());
        document.put("ticketMidFen", terms.ticketMinFen() + (terms.ticketMaxFen() - terms.ticketMinFen()) / 2);
        putUnlessEmpty(document, "industries", terms.industries());
        putUnlessEmpty(document, "stages", terms.stages());
    }
}
