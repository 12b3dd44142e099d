package dev.duijie.matching;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScore;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import dev.duijie.financing.FinancingRequest;
import dev.duijie.financing.FinancingRequestService;
import dev.duijie.financing.RequestContent;
import dev.duijie.offer.GuaranteeProduct;
import dev.duijie.offer.GuaranteeProductDocuments;
import dev.duijie.offer.InvestmentOffer;
import dev.duijie.offer.InvestmentOfferDocuments;
import dev.duijie.offer.LoanProduct;
import dev.duijie.offer.LoanProductDocuments;
import dev.duijie.offer.Offer;
import dev.duijie.offer.OfferLookup;
import dev.duijie.offer.OfferStatus;
import dev.duijie.referencedata.ReferenceData;
import dev.duijie.search.ChineseWords;
import dev.duijie.search.IndexedDocuments;
import dev.duijie.shared.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Request → offers: the loan products, guarantee products and investment offers that fit a request, best first, each with why. */
@Service
public class OffersForRequest {

    private final MatchIndex index;
    private final LoanProductDocuments loanDocuments;
    private final GuaranteeProductDocuments guaranteeDocuments;
    private final InvestmentOfferDocuments investmentDocuments;
    private final OfferLookup offers;
    private final FinancingRequestService requests;
    private final ChineseWords chineseWords;
    private final MatchExplanations explanations;
    private final ReferenceData referenceData;
    private final LenderResponseTimes lenderResponseTimes;

    OffersForRequest(
            MatchIndex index,
            LoanProductDocuments loanDocuments,
            GuaranteeProductDocuments guaranteeDocuments,
            InvestmentOfferDocuments investmentDocuments,
            OfferLookup offers,
            FinancingRequestService requests,
            ChineseWords chineseWords,
            MatchExplanations explanations,
            ReferenceData referenceData,
            LenderResponseTimes lenderResponseTimes) {
        this.index = index;
        this.loanDocuments = loanDocuments;
        this.guaranteeDocuments = guaranteeDocuments;
        this.investmentDocuments = investmentDocuments;
        this.offers = offers;
        this.requests = requests;
        this.chineseWords = chineseWords;
        this.explanations = explanations;
        this.referenceData = referenceData;
        this.lenderResponseTimes = lenderResponseTimes;
    }

    /** Loan products for a request, for whoever may see the request. */
    public List<OfferMatch<LoanProduct>> loanProducts(Caller caller, UUID requestId, int limit) {
        Target target = target(caller, requestId);
        LenderResponseTimes.Snapshot responseTimes = lenderResponseTimes.current();
        return search(
                loanDocuments,
                loanProductQuery(target, responseTimes),
                limit,
                offers::loanProducts,
                product -> product.terms()
                        .fits(target.content(), target.firmTier(), target.industries(), target.regions()),
                (product, score) -> explanations.forRequest(
                        product.terms(),
                        target.content(),
                        responseTimes,
                        product.state().organizationId(),
                        score));
    }

    /** Guarantee products for a request that wants a guarantee (none otherwise). */
    public List<OfferMatch<GuaranteeProduct>> guaranteeProducts(Caller caller, UUID requestId, int limit) {
        Target target = target(caller, requestId);
        if (!target.content().guaranteeWanted()) {
            return List.of();
        }
        return search(
                guaranteeDocuments,
                GuaranteeScoring.query(target.content(), target.firmTier(), target.industries(), target.words()),
                limit,
                offers::guaranteeProducts,
                product -> GuaranteeScoring.fits(
                        product.terms(), target.content(), target.firmTier(), target.industries()),
                (product, score) -> explanations.forGuarantee(product.terms(), score));
    }

    /** Returning-hometown investment offers for a request. */
    public List<OfferMatch<InvestmentOffer>> investmentOffers(Caller caller, UUID requestId, int limit) {
        Target target = target(caller, requestId);
        return search(
                investmentDocuments,
                InvestmentScoring.query(target.content(), target.industries(), target.words()),
                limit,
                offers::investmentOffers,
                offer -> InvestmentScoring.fits(offer.terms(), target.content(), target.industries()),
                (offer, score) -> explanations.forInvestment(offer.terms(), target.content(), score));
    }

    /**
     * The request as matching needs it: its industry and region with the ones above them (an offer for the
     * county covers its towns), the firm's tier, and its words. 404 for whoever may not see the request.
     */
    record Target(
            RequestContent content,
            @Nullable String firmTier,
            List<String> industries,
            List<String> regions,
            String words) {}

    Target target(Caller caller, UUID requestId) {
        FinancingRequest request = requests.get(caller, requestId);
        RequestContent content = request.content();
        String words = chineseWords.segmented(content.title() + " " + content.purpose() + " "
                + Optional.ofNullable(content.description()).orElse(""));
        return new Target(
                content,
                request.organizationTier(),
                referenceData.withAncestors(ReferenceData.Vocabulary.INDUSTRY, content.industry()),
                referenceData.withAncestors(ReferenceData.Vocabulary.REGION, content.region()),
                words);
    }

    /**
     * Runs the query, then reads each hit from PostgreSQL and keeps it only if it is still active and meets
     * the hard rules there too: a stale index can reorder results but never put an ineligible offer in them.
     */
    private <O extends Offer<?>> List<OfferMatch<O>> search(
            IndexedDocuments documents,
            Query query,
            int limit,
            Function<List<UUID>, List<O>> loadAll,
            Predicate<O> eligible,
            BiFunction<O, Double, List<MatchFactor>> why) {
        return MatchIndex.asStoredNow(
                        index.search(documents, query, 2 * limit),
                        loadAll,
                        o -> o.state().id(),
                        o -> o.state().status() == OfferStatus.ACTIVE && eligible.test(o),
                        limit)
                .stream()
                .map(found -> new OfferMatch<>(found.item(), found.score(), why.apply(found.item(), found.score())))
                .toList();
    }

    /**
     * The loan-product match query for a request: hard eligibility as filters; soft fit as decay functions
     * and, per lender, its response-time factor as a constant; the request's words as an optional text
     * match. Package-visible for the benchmark's raw-query comparison.
     */
    static Query loanProductQuery(Target target, LenderResponseTimes.Snapshot responseTimes) {
        String words = target.words();
        RequestContent request = target.content();
        String firmTier = target.firmTier();
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("amountMinFen").lte(JsonData.of(request.amountFen())))));
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("amountMaxFen").gte(JsonData.of(request.amountFen())))));
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("termMinMonths").lte(JsonData.of(request.termMonths())))));
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("termMaxMonths").gte(JsonData.of(request.termMonths())))));
        bool.filter(f ->
                f.range(r -> r.untyped(u -> u.field("rateMinBp").lte(JsonData.of(request.maxAnnualRateBp())))));
        bool.filter(anyOrOneOf("industries", target.industries()));
        bool.filter(anyOrOneOf("regions", target.regions()));
        bool.filter(anyOrOneOf("tiers", firmTier == null ? List.of() : List.of(firmTier)));
        bool.filter(anyOrOneOf("collateralAccepted", request.collateralOffered()));
        if (!request.guaranteeWanted()) {
            bool.mustNot(m -> m.term(t -> t.field("guaranteeRequired").value(true)));
        }
        if (!words.isBlank()) {
            bool.should(s -> s.multiMatch(
                    mm -> mm.query(words).fields("name^2", "description").boost(LoanProductScoring.TEXT_BOOST)));
        }
        Query eligible = Query.of(q -> q.bool(bool.build()));
        return Query.of(q -> q.functionScore(fs -> fs.query(eligible)
                .functions(f -> f.weight(LoanProductScoring.AMOUNT_WEIGHT)
                        .gauss(g -> g.untyped(u -> u.field("amountMidFen")
                                .placement(p -> p.origin(JsonData.of(request.amountFen()))
                                        .scale(JsonData.of(LoanProductScoring.amountScale(request.amountFen())))
                                        .decay(0.5)))))
                .functions(f -> f.weight(LoanProductScoring.TERM_WEIGHT)
                        .gauss(g -> g.untyped(u -> u.field("termMidMonths")
                                .placement(p -> p.origin(JsonData.of(request.termMonths()))
                                        .scale(JsonData.of(LoanProductScoring.TERM_SCALE_MONTHS))
                                        .decay(0.5)))))
                .functions(f -> f.weight(LoanProductScoring.RATE_WEIGHT)
                        .gauss(g -> g.untyped(u -> u.field("rateMinBp")
                                .placement(p -> p.origin(JsonData.of(0))
                                        .scale(JsonData.of(LoanProductScoring.rateScale(request.maxAnnualRateBp())))
                                        .decay(0.5)))))
                .functions(lenderResponseFunctions(responseTimes))
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Sum)));
    }

    /** One constant per lender with a record, and the county's typical one for every other lender. */
    private static List<FunctionScore> lenderResponseFunctions(LenderResponseTimes.Snapshot responseTimes) {
        List<FunctionScore> functions = new ArrayList<>();
        responseTimes
                .byLender()
                .forEach((lender, time) -> functions.add(FunctionScore.of(f -> f.filter(
                                q -> q.term(t -> t.field("organizationId").value(lender.toString())))
                        .weight(LoanProductScoring.responseFit(time)))));
        responseTimes
                .countyMedian()
                .ifPresent(typical -> functions.add(FunctionScore.of(f -> f.filter(q ->
                                q.bool(b -> b.mustNot(m -> m.terms(t -> t.field("organizationId")
                                        .terms(v -> v.value(responseTimes.byLender().keySet().stream()
                                                .map(id -> FieldValue.of(id.toString()))
                                                .toList()))))))
                        .weight(LoanProductScoring.responseFit(typical)))));
        return functions;
    }

    /** A product list field either absent (the product takes any) or containing one of the values. */
    static Query anyOrOneOf(String field, List<String> values) {
        return Query.of(q -> q.bool(b -> {
            b.should(s -> s.bool(none -> none.mustNot(m -> m.exists(e -> e.field(field)))));
            if (!values.isEmpty()) {
                b.should(s -> s.terms(t -> t.field(field)
                        .terms(v -> v.value(values.stream()
                                .map(co.elastic.clients.elasticsearch._types.FieldValue::of)
                                .toList()))));
            }
            return b.minimumShouldMatch("1");
        }));
    }
}
