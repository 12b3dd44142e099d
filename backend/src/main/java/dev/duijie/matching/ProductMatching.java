package dev.duijie.matching;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import dev.duijie.financing.FinancingRequest;
import dev.duijie.financing.FinancingRequestDocuments;
import dev.duijie.financing.FinancingRequests;
import dev.duijie.offer.LoanProduct;
import dev.duijie.offer.LoanProducts;
import dev.duijie.offer.LoanTerms;
import dev.duijie.organization.Organization;
import dev.duijie.organization.OrganizationService;
import dev.duijie.organization.OrganizationType;
import dev.duijie.referencedata.ReferenceData;
import dev.duijie.search.ChineseWords;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Role;
import java.time.Clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Loan product → open requests: a bank's inbox of the open requests of verified enterprises that fit one of
 * its products, best first, each with why. Nothing about other banks' bids is in the index or the answer.
 */
@Service
public class ProductMatching {

    private final MatchIndex index;
    private final FinancingRequestDocuments documents;
    private final FinancingRequests requests;
    private final LoanProducts products;
    private final OrganizationService organizations;
    private final ChineseWords chineseWords;
    private final MatchExplanations explanations;
    private final ReferenceData referenceData;
    private final Clock clock;

    ProductMatching(MatchIndex index, FinancingRequestDocuments documents,
            FinancingRequests requests, LoanProducts products, OrganizationService organizations, ChineseWords chineseWords,
            MatchExplanations explanations, ReferenceData referenceData, Clock clock) {
        this.index = index;
        this.documents = documents;
        this.requests = requests;
        this.products = products;
        this.organizations = organizations;
        this.chineseWords = chineseWords;
        this.explanations = explanations;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    /** For the verified bank that owns the product. */
    public List<RequestMatch> openRequests(Caller caller, UUID productId, int limit) {
        caller.requireAnyRole(Role.BANK);
        LoanProduct product = products.find(productId)
                .filter(p -> caller.belongsTo(p.state().organizationId()))
                .orElseThrow(() -> new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.offer-not-found"));
        organizations.requireVerified(caller, OrganizationType.BANK);
        LoanTerms terms = product.terms();
        Instant now = clock.instant();
        String words = chineseWords.segmented(terms.name() + " " + Optional.ofNullable(terms.description()).orElse(""));
        // ask for more than shown: a hit that is stale in the index is dropped below
        List<String> industries = referenceData.withDescendants(ReferenceData.Vocabulary.INDUSTRY, terms.industries());
        List<String> regions = referenceData.withDescendants(ReferenceData.Vocabulary.REGION, terms.regions());
        List<Hit<Void>> hits = index.search(documents, query(terms, industries, regions, words, now), 2 * limit);
        Map<UUID, FinancingRequest> byId = requests.findAll(hits.stream().map(hit -> UUID.fromString(hit.id())).toList())
                .stream().collect(Collectors.toMap(FinancingRequest::id, Function.identity()));
        List<RequestMatch> matches = new ArrayList<>();
        for (Hit<Void> hit : hits) {
            if (matches.size() == limit) {
                break;
            }
            FinancingRequest request = byId.get(UUID.fromString(hit.id()));
            if (request == null || !request.onTheMarket(now)) {
                continue;
            }
            String firmTier = organizations.byId(request.organizationId()).map(Organization::tier).orElse(null);
            if (!terms.fits(request.content(), firmTier,
                    referenceData.withAncestors(ReferenceData.Vocabulary.INDUSTRY, request.content().industry()),
                    referenceData.withAncestors(ReferenceData.Vocabulary.REGION, request.content().region()))) {
                continue;
            }
            double score = hit.score() == null ? 0 : hit.score();
            matches.add(new RequestMatch(request.withoutAwardedBid(), score,
                    explanations.forInbox(terms, request, score, now)));
        }
        return matches;
    }

    /**
     * The product's hard rules as filters over requests; fit and freshness as decay functions.
     * {@code industries} and {@code regions}: the product's, with everything below them (its county's towns).
     * Package-visible for the benchmark's raw-query comparison.
     */
    static Query query(LoanTerms product, List<String> industries, List<String> regions, String words, Instant now) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("amountFen")
                .gte(JsonData.of(product.amountMinFen())).lte(JsonData.of(product.amountMaxFen())))));
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("termMonths")
                .gte(JsonData.of(product.termMinMonths())).lte(JsonData.of(product.termMaxMonths())))));
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("maxAnnualRateBp").gte(JsonData.of(product.rateMinBp())))));
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("bidDeadline").gt(JsonData.of(now.toString())))));
        oneOf(bool, "industry", industries);
        oneOf(bool, "region", regions);
        oneOf(bool, "organizationTier", product.tiers());
        oneOf(bool, "collateralOffered", product.collateralAccepted());
        if (product.guaranteeRequired()) {
            bool.filter(f -> f.term(t -> t.field("guaranteeWanted").value(true)));
        }
        if (!words.isBlank()) {
            bool.should(s -> s.multiMatch(mm -> mm.query(words).fields("title^2", "purpose", "description")
                    .boost(LoanProductScoring.TEXT_BOOST)));
        }
        Query eligible = Query.of(q -> q.bool(bool.build()));
        long middle = LoanProductScoring.middle(product.amountMinFen(), product.amountMaxFen());
        return Query.of(q -> q.functionScore(fs -> fs
                .query(eligible)
                .functions(f -> f.weight(LoanProductScoring.AMOUNT_WEIGHT).gauss(g -> g.untyped(u -> u
                        .field("amountFen")
                        .placement(p -> p.origin(JsonData.of(middle))
                                .scale(JsonData.of(LoanProductScoring.amountScale(middle))).decay(0.5)))))
                .functions(f -> f.weight(LoanProductScoring.TERM_WEIGHT).gauss(g -> g.untyped(u -> u
                        .field("termMonths")
                        .placement(p -> p.origin(JsonData.of((product.termMinMonths() + product.termMaxMonths()) / 2))
                                .scale(JsonData.of(LoanProductScoring.TERM_SCALE_MONTHS)).decay(0.5)))))
                .functions(f -> f.weight(LoanProductScoring.FRESHNESS_WEIGHT).gauss(g -> g.untyped(u -> u
                        .field("publishedAt")
                        .placement(p -> p.origin(JsonData.of(now.toString()))
                                .scale(JsonData.of(LoanProductScoring.FRESHNESS_SCALE_DAYS + "d")).decay(0.5)))))
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Sum)));
    }

    /** A request field must hold one of the product's values (no filter when the product takes any). */
    private static void oneOf(BoolQuery.Builder bool, String field, List<String> values) {
        if (!values.isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
        }
    }
}
