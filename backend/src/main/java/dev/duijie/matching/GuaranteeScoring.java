package dev.duijie.matching;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import dev.duijie.financing.RequestContent;
import dev.duijie.offer.GuaranteeTerms;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Guarantee products for a request that wants a guarantee. Hard: the amount within the product's maximum,
 * industry and tier. Soft: a lower fee (half score at 1 %), a higher coverage (half score at 50 %). In the
 * guarantor's inbox (see {@link RequestsForOffer#guaranteeQuery}) the same hard rules, and the amount's
 * closeness to half the limit and freshness as in a bank's.
 */
final class GuaranteeScoring {

    static final double FEE_WEIGHT = 2.0;
    static final double FEE_SCALE_BP = 100;
    static final double COVERAGE_WEIGHT = 1.0;
    static final double COVERAGE_SCALE_BP = 5000;

    private GuaranteeScoring() {}

    static boolean fits(
            GuaranteeTerms product, RequestContent request, @Nullable String firmTier, List<String> industries) {
        return request.guaranteeWanted()
                && request.amountFen() <= product.maxAmountFen()
                && (product.industries().isEmpty() || !java.util.Collections.disjoint(product.industries(), industries))
                && (product.tiers().isEmpty()
                        || (firmTier != null && product.tiers().contains(firmTier)));
    }

    /**
     * In a guarantor's inbox, a request for half the product's limit fits best: the limit is a ceiling, not
     * a target, and the middle of (0, limit] is what the loan inbox's "middle of the range" comes to.
     */
    static long inboxMiddle(GuaranteeTerms product) {
        return LoanProductScoring.middle(0, product.maxAmountFen());
    }

    static double feeFit(int annualFeeRateBp) {
        return FEE_WEIGHT * LoanProductScoring.gauss(annualFeeRateBp, 0, FEE_SCALE_BP);
    }

    static double coverageFit(int coverageRatioBp) {
        return COVERAGE_WEIGHT * LoanProductScoring.gauss(coverageRatioBp, 10_000, COVERAGE_SCALE_BP);
    }

    static Query query(RequestContent request, @Nullable String firmTier, List<String> industries, String words) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("maxAmountFen").gte(JsonData.of(request.amountFen())))));
        bool.filter(OffersForRequest.anyOrOneOf("industries", industries));
        bool.filter(OffersForRequest.anyOrOneOf("tiers", firmTier == null ? List.of() : List.of(firmTier)));
        if (!words.isBlank()) {
            bool.should(s -> s.multiMatch(
                    mm -> mm.query(words).fields("name^2", "description").boost(LoanProductScoring.TEXT_BOOST)));
        }
        Query eligible = Query.of(q -> q.bool(bool.build()));
        return Query.of(q -> q.functionScore(fs -> fs.query(eligible)
                .functions(f -> f.weight(FEE_WEIGHT)
                        .gauss(g -> g.untyped(u -> u.field("annualFeeRateBp")
                                .placement(p -> p.origin(JsonData.of(0))
                                        .scale(JsonData.of(FEE_SCALE_BP))
                                        .decay(0.5)))))
                .functions(f -> f.weight(COVERAGE_WEIGHT)
                        .gauss(g -> g.untyped(u -> u.field("coverageRatioBp")
                                .placement(p -> p.origin(JsonData.of(10_000))
                                        .scale(JsonData.of(COVERAGE_SCALE_BP))
                                        .decay(0.5)))))
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Sum)));
    }
}
