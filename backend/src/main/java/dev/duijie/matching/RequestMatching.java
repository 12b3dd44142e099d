package dev.duijie.matching;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import dev.duijie.financing.FinancingRequest;
import dev.duijie.financing.FinancingRequestService;
import dev.duijie.financing.RequestContent;
import dev.duijie.offer.LoanProduct;
import dev.duijie.offer.LoanProductDocuments;
import dev.duijie.offer.LoanProducts;
import dev.duijie.offer.OfferStatus;
import dev.duijie.organization.Organization;
import dev.duijie.organization.OrganizationService;
import dev.duijie.search.ChineseWords;
import dev.duijie.search.SearchIndexes;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Request → loan products: the products that fit a financing request, best first, each with why. */
@Service
public class RequestMatching {

    private final ElasticsearchClient client;
    private final SearchIndexes indexes;
    private final LoanProductDocuments documents;
    private final LoanProducts products;
    private final FinancingRequestService requests;
    private final OrganizationService organizations;
    private final ChineseWords chineseWords;
    private final MatchExplanations explanations;

    RequestMatching(ElasticsearchClient client, SearchIndexes indexes, LoanProductDocuments documents,
            LoanProducts products, FinancingRequestService requests, OrganizationService organizations,
            ChineseWords chineseWords, MatchExplanations explanations) {
        this.client = client;
        this.indexes = indexes;
        this.documents = documents;
        this.products = products;
        this.requests = requests;
        this.organizations = organizations;
        this.chineseWords = chineseWords;
        this.explanations = explanations;
    }

    /** For whoever may see the request. */
    public List<LoanProductMatch> loanProducts(Caller caller, UUID requestId, int limit) {
        FinancingRequest request = requests.get(caller, requestId);
        RequestContent content = request.content();
        String firmTier = organizations.byId(request.organizationId()).map(Organization::tier).orElse(null);
        if (!indexes.ensureReady()) {
            throw new DomainProblem(ProblemType.SEARCH_UNAVAILABLE, "problem.detail.search-unavailable");
        }
        String words = chineseWords.segmented(content.title() + " " + content.purpose() + " "
                + Optional.ofNullable(content.description()).orElse(""));
        SearchResponse<Void> response;
        try {
            response = client.search(s -> s
                    .index(indexes.alias(documents))
                    .size(limit)
                    .source(src -> src.fetch(false))
                    .trackTotalHits(t -> t.enabled(false))
                    .query(query(content, firmTier, words)), Void.class);
        } catch (IOException | RuntimeException unavailable) {
            indexes.forgetReady();
            throw new DomainProblem(ProblemType.SEARCH_UNAVAILABLE, "problem.detail.search-unavailable");
        }
        List<LoanProductMatch> matches = new ArrayList<>();
        for (Hit<Void> hit : response.hits().hits()) {
            Optional<LoanProduct> product = products.find(UUID.fromString(hit.id()))
                    .filter(p -> p.state().status() == OfferStatus.ACTIVE)
                    .filter(p -> LoanProductEligibility.fits(p.terms(), content, firmTier));
            if (product.isPresent()) {
                double score = hit.score() == null ? 0 : hit.score();
                matches.add(new LoanProductMatch(product.get(), score, explanations.forRequest(product.get().terms(), content, score)));
            }
        }
        return matches;
    }

    /** Hard eligibility as filters; soft fit as decay functions; the request's words as a named query. */
    private static Query query(RequestContent request, @Nullable String firmTier, String words) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("amountMinFen").lte(JsonData.of(request.amountFen())))));
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("amountMaxFen").gte(JsonData.of(request.amountFen())))));
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("termMinMonths").lte(JsonData.of(request.termMonths())))));
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("termMaxMonths").gte(JsonData.of(request.termMonths())))));
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("rateMinBp").lte(JsonData.of(request.maxAnnualRateBp())))));
        bool.filter(anyOrOneOf("industries", List.of(request.industry())));
        bool.filter(anyOrOneOf("regions", List.of(request.region())));
        bool.filter(anyOrOneOf("tiers", firmTier == null ? List.of() : List.of(firmTier)));
        bool.filter(anyOrOneOf("collateralAccepted", request.collateralOffered()));
        if (!request.guaranteeWanted()) {
            bool.mustNot(m -> m.term(t -> t.field("guaranteeRequired").value(true)));
        }
        if (!words.isBlank()) {
            bool.should(s -> s.multiMatch(mm -> mm.query(words)
                    .fields("name^2", "description").boost(LoanProductScoring.TEXT_BOOST)));
        }
        Query eligible = Query.of(q -> q.bool(bool.build()));
        return Query.of(q -> q.functionScore(fs -> fs
                .query(eligible)
                .functions(f -> f.weight(LoanProductScoring.AMOUNT_WEIGHT).gauss(g -> g.untyped(u -> u
                        .field("amountMidFen")
                        .placement(p -> p.origin(JsonData.of(request.amountFen()))
                                .scale(JsonData.of(LoanProductScoring.amountScale(request.amountFen())))
                                .decay(0.5)))))
                .functions(f -> f.weight(LoanProductScoring.TERM_WEIGHT).gauss(g -> g.untyped(u -> u
                        .field("termMidMonths")
                        .placement(p -> p.origin(JsonData.of(request.termMonths()))
                                .scale(JsonData.of(LoanProductScoring.TERM_SCALE_MONTHS))
                                .decay(0.5)))))
                .functions(f -> f.weight(LoanProductScoring.RATE_WEIGHT).gauss(g -> g.untyped(u -> u
                        .field("rateMinBp")
                        .placement(p -> p.origin(JsonData.of(0))
                                .scale(JsonData.of(LoanProductScoring.rateScale(request.maxAnnualRateBp())))
                                .decay(0.5)))))
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Sum)));
    }

    /** A product list field either absent (the product takes any) or containing one of the values. */
    private static Query anyOrOneOf(String field, List<String> values) {
        return Query.of(q -> q.bool(b -> {
            b.should(s -> s.bool(none -> none.mustNot(m -> m.exists(e -> e.field(field)))));
            if (!values.isEmpty()) {
                b.should(s -> s.terms(t -> t.field(field).terms(v -> v.value(values.stream()
                        .map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList()))));
            }
            return b.minimumShouldMatch("1");
        }));
    }
}
