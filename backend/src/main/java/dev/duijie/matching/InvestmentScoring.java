package dev.duijie.matching;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import dev.duijie.financing.RequestContent;
import dev.duijie.offer.InvestmentTerms;
import java.util.List;

/**
 * Returning-hometown investment offers for a request. Hard: the amount within the offer's ticket range and
 * the industry. Soft: the middle of the ticket range close to the amount asked, and text.
 */
final class InvestmentScoring {

    private InvestmentScoring() {}

    static boolean fits(InvestmentTerms offer, RequestContent request, List<String> industries) {
        return request.amountFen() >= offer.ticketMinFen()
                && request.amountFen() <= offer.ticketMaxFen()
                && (offer.industries().isEmpty() || !java.util.Collections.disjoint(offer.industries(), industries));
    }

    static double ticketFit(InvestmentTerms offer, long amountFen) {
        long middle = LoanProductScoring.middle(offer.ticketMinFen(), offer.ticketMaxFen());
        return LoanProductScoring.AMOUNT_WEIGHT
                * LoanProductScoring.gauss(middle, amountFen, LoanProductScoring.amountScale(amountFen));
    }

    static Query query(RequestContent request, List<String> industries, String words) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("ticketMinFen").lte(JsonData.of(request.amountFen())))));
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("ticketMaxFen").gte(JsonData.of(request.amountFen())))));
        bool.filter(OffersForRequest.anyOrOneOf("industries", industries));
        if (!words.isBlank()) {
            bool.should(s -> s.multiMatch(
                    mm -> mm.query(words).fields("name^2", "description").boost(LoanProductScoring.TEXT_BOOST)));
        }
        Query eligible = Query.of(q -> q.bool(bool.build()));
        return Query.of(q -> q.functionScore(fs -> fs.query(eligible)
                .functions(f -> f.weight(LoanProductScoring.AMOUNT_WEIGHT)
                        .gauss(g -> g.untyped(u -> u.field("ticketMidFen")
                                .placement(p -> p.origin(JsonData.of(request.amountFen()))
                                        .scale(JsonData.of(LoanProductScoring.amountScale(request.amountFen())))
                                        .decay(0.5)))))
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Sum)));
    }
}
