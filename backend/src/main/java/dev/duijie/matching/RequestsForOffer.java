package dev.duijie.matching;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScore;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import dev.duijie.financing.FinancingRequest;
import dev.duijie.financing.FinancingRequestDocuments;
import dev.duijie.financing.RequestLookup;
import dev.duijie.offer.GuaranteeTerms;
import dev.duijie.offer.InvestmentTerms;
import dev.duijie.offer.LoanTerms;
import dev.duijie.offer.Offer;
import dev.duijie.offer.OfferLookup;
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
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Offer → open requests: a lender's inbox of the open requests of verified enterprises that fit one of its
 * offers (a bank's loan product, a guarantor's guarantee product, an investor's offer), best first, each
 * with why. Nothing about other lenders' bids is in the index or the answer.
 */
@Service
public class RequestsForOffer {

    private final MatchIndex index;
    private final FinancingRequestDocuments documents;
    private final RequestLookup requests;
    private final OfferLookup offers;
    private final OrganizationService organizations;
    private final ChineseWords chineseWords;
    private final MatchExplanations explanations;
    private final ReferenceData referenceData;
    private final Clock clock;

    RequestsForOffer(
            MatchIndex index,
            FinancingRequestDocuments documents,
            RequestLookup requests,
            OfferLookup offers,
            OrganizationService organizations,
            ChineseWords chineseWords,
            MatchExplanations explanations,
            ReferenceData referenceData,
            Clock clock) {
        this.index = index;
        this.documents = documents;
        this.requests = requests;
        this.offers = offers;
        this.organizations = organizations;
        this.chineseWords = chineseWords;
        this.explanations = explanations;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    /** For the verified bank that owns the loan product. */
    public List<RequestMatch> openRequests(Caller caller, UUID productId, int limit) {
        LoanTerms terms = own(caller, Role.BANK, OrganizationType.BANK, offers.loanProduct(productId))
                .terms();
        Instant now = clock.instant();
        List<String> industries = referenceData.withDescendants(ReferenceData.Vocabulary.INDUSTRY, terms.industries());
        List<String> regions = referenceData.withDescendants(ReferenceData.Vocabulary.REGION, terms.regions());
        return inbox(
                loanQuery(terms, industries, regions, words(terms.name(), terms.description()), now),
                limit,
                now,
                request -> terms.fits(
                        request.content(),
                        request.organizationTier(),
                        referenceData.withAncestors(
                                ReferenceData.Vocabulary.INDUSTRY,
                                request.content().industry()),
                        referenceData.withAncestors(
                                ReferenceData.Vocabulary.REGION,
                                request.content().region())),
                (request, score) -> explanations.forInbox(terms, request, score, now));
    }

    /** For the verified guarantor that owns the guarantee product: requests that want a guarantee it can give. */
    public List<RequestMatch> openRequestsForGuarantee(Caller caller, UUID productId, int limit) {
        GuaranteeTerms terms = own(
                        caller, Role.GUARANTOR, OrganizationType.GUARANTOR, offers.guaranteeProduct(productId))
                .terms();
        Instant now = clock.instant();
        List<String> industries = referenceData.withDescendants(ReferenceData.Vocabulary.INDUSTRY, terms.industries());
        return inbox(
                guaranteeQuery(terms, industries, words(terms.name(), terms.description()), now),
                limit,
                now,
                request -> GuaranteeScoring.fits(
                        terms,
                        request.content(),
                        request.organizationTier(),
                        referenceData.withAncestors(
                                ReferenceData.Vocabulary.INDUSTRY,
                                request.content().industry())),
                (request, score) -> explanations.forGuaranteeInbox(terms, request, score, now));
    }

    /** For the verified investor that owns the investment offer: requests whose amount fits its ticket. */
    public List<RequestMatch> openRequestsForInvestment(Caller caller, UUID offerId, int limit) {
        InvestmentTerms terms = own(
                        caller, Role.INVESTOR, OrganizationType.INVESTOR_GROUP, offers.investmentOffer(offerId))
                .terms();
        Instant now = clock.instant();
        List<String> industries = referenceData.withDescendants(ReferenceData.Vocabulary.INDUSTRY, terms.industries());
        return inbox(
                investmentQuery(terms, industries, words(terms.name(), terms.description()), now),
                limit,
                now,
                request -> InvestmentScoring.fits(
                        terms,
                        request.content(),
                        referenceData.withAncestors(
                                ReferenceData.Vocabulary.INDUSTRY,
                                request.content().industry())),
                (request, score) -> explanations.forInvestmentInbox(terms, request, score, now));
    }

    /** The caller's own offer, and the caller's organization verified: else 404 (not theirs) or 403. */
    private <O extends Offer<?>> O own(Caller caller, Role role, OrganizationType type, Optional<O> offer) {
        caller.requireAnyRole(role);
        O own = offer.filter(o -> caller.belongsTo(o.state().organizationId()))
                .orElseThrow(() -> new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.offer-not-found"));
        organizations.requireVerified(caller, type);
        return own;
    }

    private String words(String name, @Nullable String description) {
        return chineseWords.segmented(
                name + " " + Optional.ofNullable(description).orElse(""));
    }

    /**
     * Runs the query, then reads each hit from PostgreSQL and keeps it only while it is on the market and
     * meets the offer's hard rules there too: a stale index can reorder the inbox but never put an
     * ineligible request in it.
     */
    private List<RequestMatch> inbox(
            Query query,
            int limit,
            Instant now,
            Predicate<FinancingRequest> eligible,
            BiFunction<FinancingRequest, Double, List<MatchFactor>> why) {
        return MatchIndex.asStoredNow(
                        index.search(documents, query, 2 * limit),
                        requests::findAll,
                        FinancingRequest::id,
                        request -> request.onTheMarket(now) && eligible.test(request),
                        limit)
                .stream()
                .map(found -> new RequestMatch(
                        found.item().withoutAwardedBid(), found.score(), why.apply(found.item(), found.score())))
                .toList();
    }

    /**
     * A loan product's hard rules as filters over requests; amount and term fit and freshness as decay
     * functions. {@code industries} and {@code regions}: the product's, with everything below them (its
     * county's towns). Package-visible for the benchmark's raw-query comparison, like the two below.
     */
    static Query loanQuery(
            LoanTerms product, List<String> industries, List<String> regions, String words, Instant now) {
        BoolQuery.Builder bool = onTheMarket(now);
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("amountFen")
                .gte(JsonData.of(product.amountMinFen()))
                .lte(JsonData.of(product.amountMaxFen())))));
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("termMonths")
                .gte(JsonData.of(product.termMinMonths()))
                .lte(JsonData.of(product.termMaxMonths())))));
        bool.filter(f ->
                f.range(r -> r.untyped(u -> u.field("maxAnnualRateBp").gte(JsonData.of(product.rateMinBp())))));
        oneOf(bool, "industry", industries);
        oneOf(bool, "region", regions);
        oneOf(bool, "organizationTier", product.tiers());
        oneOf(bool, "collateralOffered", product.collateralAccepted());
        if (product.guaranteeRequired()) {
            bool.filter(f -> f.term(t -> t.field("guaranteeWanted").value(true)));
        }
        return scored(
                bool,
                words,
                now,
                LoanProductScoring.middle(product.amountMinFen(), product.amountMaxFen()),
                FunctionScore.of(f -> f.weight(LoanProductScoring.TERM_WEIGHT)
                        .gauss(g -> g.untyped(u -> u.field("termMonths")
                                .placement(p -> p.origin(
                                                JsonData.of((product.termMinMonths() + product.termMaxMonths()) / 2))
                                        .scale(JsonData.of(LoanProductScoring.TERM_SCALE_MONTHS))
                                        .decay(0.5))))));
    }

    /** A guarantee product's: requests that want a guarantee, up to its limit; the amount best at half the limit. */
    static Query guaranteeQuery(GuaranteeTerms product, List<String> industries, String words, Instant now) {
        BoolQuery.Builder bool = onTheMarket(now);
        bool.filter(f -> f.term(t -> t.field("guaranteeWanted").value(true)));
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("amountFen").lte(JsonData.of(product.maxAmountFen())))));
        oneOf(bool, "industry", industries);
        oneOf(bool, "organizationTier", product.tiers());
        return scored(bool, words, now, GuaranteeScoring.inboxMiddle(product));
    }

    /** An investment offer's: requests whose amount is within its ticket, best at the ticket's middle. */
    static Query investmentQuery(InvestmentTerms offer, List<String> industries, String words, Instant now) {
        BoolQuery.Builder bool = onTheMarket(now);
        bool.filter(f -> f.range(r -> r.untyped(u ->
                u.field("amountFen").gte(JsonData.of(offer.ticketMinFen())).lte(JsonData.of(offer.ticketMaxFen())))));
        oneOf(bool, "industry", industries);
        return scored(bool, words, now, LoanProductScoring.middle(offer.ticketMinFen(), offer.ticketMaxFen()));
    }

    /** Requests still taking bids. */
    private static BoolQuery.Builder onTheMarket(Instant now) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("bidDeadline").gt(JsonData.of(now.toString())))));
        return bool;
    }

    /**
     * The filters with the offer's words as an optional text match, scored by the amount's closeness to the
     * offer's sweet spot, freshness, and any further functions: the formulas of {@link LoanProductScoring}.
     */
    private static Query scored(
            BoolQuery.Builder bool, String words, Instant now, long sweetSpotFen, FunctionScore... more) {
        if (!words.isBlank()) {
            bool.should(s -> s.multiMatch(mm ->
                    mm.query(words).fields("title^2", "purpose", "description").boost(LoanProductScoring.TEXT_BOOST)));
        }
        List<FunctionScore> functions = new ArrayList<>();
        functions.add(FunctionScore.of(f -> f.weight(LoanProductScoring.AMOUNT_WEIGHT)
                .gauss(g -> g.untyped(u -> u.field("amountFen")
                        .placement(p -> p.origin(JsonData.of(sweetSpotFen))
                                .scale(JsonData.of(LoanProductScoring.amountScale(sweetSpotFen)))
                                .decay(0.5))))));
        functions.addAll(List.of(more));
        functions.add(FunctionScore.of(f -> f.weight(LoanProductScoring.FRESHNESS_WEIGHT)
                .gauss(g -> g.untyped(u -> u.field("publishedAt")
                        .placement(p -> p.origin(JsonData.of(now.toString()))
                                .scale(JsonData.of(LoanProductScoring.FRESHNESS_SCALE_DAYS + "d"))
                                .decay(0.5))))));
        Query eligible = Query.of(q -> q.bool(bool.build()));
        return Query.of(q -> q.functionScore(fs -> fs.query(eligible)
                .functions(functions)
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Sum)));
    }

    /** A request field must hold one of the product's values (no filter when the product takes any). */
    private static void oneOf(BoolQuery.Builder bool, String field, List<String> values) {
        if (!values.isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field(field)
                    .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
        }
    }
}
