package dev.duijie.matching;

import static dev.duijie.referencedata.ReferenceData.Vocabulary.INDUSTRY;
import static dev.duijie.referencedata.ReferenceData.Vocabulary.REGION;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import dev.duijie.financing.FinancingRequestDocuments;
import dev.duijie.financing.RequestContent;
import dev.duijie.offer.GuaranteeProduct;
import dev.duijie.offer.GuaranteeProductDocuments;
import dev.duijie.offer.GuaranteeTerms;
import dev.duijie.offer.InvestmentOffer;
import dev.duijie.offer.InvestmentOfferDocuments;
import dev.duijie.offer.InvestmentTerms;
import dev.duijie.offer.LoanProduct;
import dev.duijie.offer.LoanProductDocuments;
import dev.duijie.offer.LoanTerms;
import dev.duijie.offer.OfferLookup;
import dev.duijie.referencedata.ReferenceData;
import dev.duijie.search.ChineseWords;
import dev.duijie.search.IndexedDocuments;
import dev.duijie.search.SearchIndexes;
import dev.duijie.search.SearchOutbox;
import dev.duijie.shared.Caller;
import dev.duijie.shared.Role;
import dev.duijie.shared.SqlArrays;
import dev.duijie.support.Api;
import dev.duijie.support.Machine;
import dev.duijie.support.Tokens;
import dev.duijie.talent.TalentNeedDocuments;
import dev.duijie.talent.TalentProfileContent;
import dev.duijie.talent.TalentProfileDocuments;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The matching benchmark: run by {@code ./duijie bench}, never by the test command. It generates a seeded
 * synthetic county, then measures every matching direction and writes to {@code docs/benchmarks/matching.md}:
 * hard-constraint violations in the top 10 (must be 0), nDCG@10 against an exact brute-force scorer over the
 * same data and preferences (and, for request → loan products, a keyword BM25-only baseline), p50/p99
 * latency of each endpoint against the raw Elasticsearch query it sends, a full rebuild against a raw
 * {@code _bulk} of the same documents, and commit-to-searchable lag through the outbox. The county is
 * {@link SyntheticCounty}, shared with the small check in {@code MatchingQualityIT}. Mostly a report: nDCG,
 * latency and lag are written, not asserted. It fails when it cannot run, and, once the report is written, when
 * any direction returned an ineligible result (a hard-constraint violation).
 */
// it sends hundreds of matches a second as one user: budgets far above that, still on, so the filter is measured
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "duijie.rate-limit.general.per-second=100000", "duijie.rate-limit.general.burst=1000000",
            "duijie.rate-limit.expensive.per-second=100000", "duijie.rate-limit.expensive.burst=1000000"
        })
@ActiveProfiles("demo")
class MatchingBenchmark {

    private static final UUID BANK_A = UUID.fromString("00000000-0000-4000-8000-000000000201");
    private static final UUID GUARANTOR = UUID.fromString("00000000-0000-4000-8000-000000000301");
    private static final UUID INVESTOR = UUID.fromString("00000000-0000-4000-8000-000000000401");
    /** The demo user {@code talent}'s Keycloak id: the subject of the demo profile. */
    private static final String DEMO_TALENT_SUBJECT = "00000000-0000-4000-a000-000000000001";

    private static final Caller REGULATOR = new Caller("benchmark", Set.of(Role.REGULATOR), null);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    SearchIndexes indexes;

    @Autowired
    LoanProductDocuments loanDocuments;

    @Autowired
    OffersForRequest matching;

    @Autowired
    OfferLookup offers;

    @Autowired
    ChineseWords chineseWords;

    @Autowired
    LenderResponseTimes lenderResponseTimes;

    @Autowired
    SearchOutbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @LocalServerPort
    int port;

    @Value("${duijie.security.issuer-uri}")
    String issuerUri;

    @Value("${duijie.bench.products:5000}")
    int productCount;

    @Value("${duijie.bench.requests:50000}")
    int requestCount;

    @Value("${duijie.bench.queries:200}")
    int queryCount;

    @Value("${duijie.bench.seed:20261125}")
    long seed;

    @Value("${duijie.bench.lag-samples:100}")
    int lagSamples;

    @Value("${duijie.bench.warmup:300}")
    int warmupCount;

    @Value("${duijie.bench.talents:100000}")
    int talentCount;

    @Value("${duijie.bench.inbox-queries:100}")
    int inboxQueryCount;

    @Autowired
    FinancingRequestDocuments requestDocuments;

    @Value("${duijie.bench.talent-needs:10000}")
    int needCount;

    @Autowired
    TalentProfileDocuments talentDocuments;

    @Autowired
    TalentNeedDocuments needDocuments;

    @Autowired
    ReferenceData referenceData;

    @Autowired
    GuaranteeProductDocuments guaranteeDocuments;

    @Autowired
    InvestmentOfferDocuments investmentDocuments;

    @Value("${duijie.bench.guarantee-products:1000}")
    int guaranteeCount;

    @Value("${duijie.bench.investment-offers:1000}")
    int investmentCount;

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api("http://127.0.0.1:" + port);
    }

    @Test
    void run() throws Exception {
        SyntheticCounty county = new SyntheticCounty(jdbc, seed);
        List<UUID> banks = county.organizations("bank", 20);
        List<UUID> firms = county.organizations("enterprise", 200);
        List<SyntheticCounty.Product> products = county.loanProducts(banks, productCount);
        List<SyntheticCounty.Request> requests = county.openRequests(firms, requestCount);
        county.responseHistories(banks, requests);
        List<SyntheticCounty.Guarantee> guarantees =
                county.guaranteeProducts(county.organizations("guarantor", 10), guaranteeCount);
        List<SyntheticCounty.Investment> investments =
                county.investmentOffers(county.organizations("investor_group", 10), investmentCount);
        // the demo lenders (demo users, so their inboxes can be asked for over HTTP) own some of each
        List<UUID> bankAProducts =
                moveTo("loan_product", BANK_A, products.stream().map(SyntheticCounty.Product::id));
        List<UUID> guarantorProducts =
                moveTo("guarantee_product", GUARANTOR, guarantees.stream().map(SyntheticCounty.Guarantee::id));
        List<UUID> investorOffers =
                moveTo("investment_offer", INVESTOR, investments.stream().map(SyntheticCounty.Investment::id));
        indexes.rebuild(requestDocuments);
        indexes.rebuild(guaranteeDocuments);
        indexes.rebuild(investmentDocuments);

        var rebuilt = indexes.rebuild(loanDocuments);
        long rawBulkMillis = rawBulk(products);
        LoanFigures loans = loanProducts(requests);
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(
                "Request → loan products",
                "",
                queryCount,
                loans.violations(),
                loans.ndcg(),
                loans.apiNanos(),
                loans.rawNanos()));
        sections.add(requestToGuarantees(requests));
        sections.add(requestToInvestments(requests));
        List<OpenRequest> open = openRequests();
        sections.add(bankInbox(bankAProducts, open));
        sections.add(guarantorInbox(guarantorProducts, open));
        sections.add(investorInbox(investorOffers, open));
        List<Long> lagNanos = outboxLag(products, new Random(seed));
        List<SyntheticCounty.Talent> talents = county.talentProfiles(talentCount);
        List<SyntheticCounty.Need> talentNeeds = county.talentNeeds(firms, needCount);
        SearchIndexes.Rebuilt profilesRebuilt = indexes.rebuild(talentDocuments);
        indexes.rebuild(needDocuments);
        sections.add(needToTalents(talentNeeds));
        sections.add(talentToNeeds(talents));
        writeReport(
                products.size(),
                requests.size(),
                guarantees.size(),
                investments.size(),
                loans,
                rebuilt,
                rawBulkMillis,
                lagNanos,
                profilesRebuilt,
                sections);
        requireNoViolations(sections);
    }

    /** Matching never returns what the hard rules exclude: any violation in any direction fails the run. */
    private static void requireNoViolations(List<Section> sections) {
        List<String> violating = sections.stream()
                .filter(section -> section.violations() > 0)
                .map(section ->
                        "%s: %d in %d queries".formatted(section.title(), section.violations(), section.queries()))
                .toList();
        if (!violating.isEmpty()) {
            throw new AssertionError("hard-constraint violations in the top 10 (must be 0; see the report):\n  "
                    + String.join("\n  ", violating));
        }
    }

    /** The first {@code 2 × inboxQueryCount} of these rows now belong to the demo organization; their ids. */
    private List<UUID> moveTo(String table, UUID organization, java.util.stream.Stream<UUID> ids) {
        List<UUID> moved = ids.limit(2L * inboxQueryCount).toList();
        jdbc.sql("update " + table + " set organization_id = :owner where id in (:ids)")
                .param("owner", organization)
                .param("ids", moved)
                .update();
        return moved;
    }

    /** What the request → loan products part measured, beyond a {@link Section}'s figures. */
    record LoanFigures(
            int violations,
            double ndcg,
            int baselineViolations,
            double baselineNdcg,
            List<Long> apiNanos,
            List<Long> rawNanos,
            List<Long> plainReadNanos,
            List<Long> unauthorizedNanos) {}

    private LoanFigures loanProducts(List<SyntheticCounty.Request> requests) throws Exception {
        // the brute force sees every active product in PostgreSQL (the demo's too), not just what we seeded
        List<SyntheticCounty.Product> everyActive = offers.activeLoanProducts().stream()
                .map(p -> new SyntheticCounty.Product(p.state().id(), p.state().organizationId(), p.terms()))
                .toList();
        LenderResponseTimes.Snapshot responseTimes = lenderResponseTimes.current();
        String token = new Tokens(issuerUri).of("regulator");
        List<Long> apiNanos = new ArrayList<>();
        List<Long> rawNanos = new ArrayList<>();
        List<Long> plainReadNanos = new ArrayList<>();
        List<Long> unauthorizedNanos = new ArrayList<>();
        int violations = 0;
        int baselineViolations = 0;
        double ndcg = 0;
        double baselineNdcg = 0;
        // a server runs warm: exercise every measured path first, so the figures are not the JIT compiling
        for (int w = 0; w < warmupCount; w++) {
            SyntheticCounty.Request request = requests.get(queryCount + w % (requests.size() - queryCount));
            api.get("/financing-requests/" + request.id() + "/matches/loan-products?limit=10")
                    .as(token)
                    .send();
            api.get("/financing-requests/" + request.id()).as(token).send();
            api.get("/financing-requests/" + request.id()).send();
            raw(
                    loanDocuments,
                    OffersForRequest.loanProductQuery(matching.target(REGULATOR, request.id()), responseTimes));
        }
        for (int q = 0; q < queryCount; q++) {
            SyntheticCounty.Request request = requests.get(q);
            String path = "/financing-requests/" + request.id() + "/matches/loan-products?limit=10";
            long t0 = System.nanoTime();
            Api.Response response = api.get(path).as(token).send();
            apiNanos.add(System.nanoTime() - t0);
            List<UUID> ours = ids(response, "/loanProduct/id");

            // the floor of any endpoint here: HTTP, token check, one PostgreSQL read, JSON
            long p0 = System.nanoTime();
            api.get("/financing-requests/" + request.id()).as(token).send();
            plainReadNanos.add(System.nanoTime() - p0);
            // and below it, the cheapest answer the server gives: HTTP and the security filters, no token
            long u0 = System.nanoTime();
            api.get("/financing-requests/" + request.id()).send();
            unauthorizedNanos.add(System.nanoTime() - u0);

            OffersForRequest.Target target = matching.target(REGULATOR, request.id());
            Query raw = OffersForRequest.loanProductQuery(target, responseTimes);
            long r0 = System.nanoTime();
            raw(loanDocuments, raw);
            rawNanos.add(System.nanoTime() - r0);

            Map<UUID, Double> ideal = SyntheticCounty.bruteForce(everyActive, request, target, responseTimes);
            violations +=
                    (int) ours.stream().filter(id -> !ideal.containsKey(id)).count();
            ndcg += SyntheticCounty.ndcgAt10(ours, ideal);

            List<UUID> keyword = keywordBaseline(request);
            baselineViolations +=
                    (int) keyword.stream().filter(id -> !ideal.containsKey(id)).count();
            baselineNdcg += SyntheticCounty.ndcgAt10(keyword, ideal);
        }
        return new LoanFigures(
                violations,
                ndcg / queryCount,
                baselineViolations,
                baselineNdcg / queryCount,
                apiNanos,
                rawNanos,
                plainReadNanos,
                unauthorizedNanos);
    }

    /** One matching direction, measured: quality against the brute force, the endpoint against the raw query. */
    record Section(
            String title,
            String description,
            int queries,
            int violations,
            double ndcg,
            List<Long> apiNanos,
            List<Long> rawNanos) {

        double apiMillis(double percentile) {
            return percentileMicros(apiNanos, percentile) / 1000.0;
        }

        double rawMillis(double percentile) {
            return percentileMicros(rawNanos, percentile) / 1000.0;
        }

        double ratio(double percentile) {
            return (double) percentileMicros(apiNanos, percentile)
                    / Math.max(1, percentileMicros(rawNanos, percentile));
        }
    }

    /**
     * One query of a section: what to set up first (outside the timing), the endpoint's path, the raw query
     * it sends to the index, and the exact ranking to judge its answer by.
     */
    record Probe(Runnable setUp, String path, Query raw, Supplier<Map<UUID, Double>> ideal) {

        Probe(String path, Query raw, Supplier<Map<UUID, Double>> ideal) {
            this(() -> {}, path, raw, ideal);
        }
    }

    /**
     * Warms the endpoint and the raw query up on other queries (as many as are measured), then asks each
     * probe as {@code user}, one at a time, reading result ids at {@code idPointer}.
     */
    private Section measure(
            String title, String description, String user, String idPointer, IndexedDocuments index, List<Probe> probes)
            throws Exception {
        String token = new Tokens(issuerUri).of(user);
        int queries = probes.size() / 2;
        for (Probe probe : probes.subList(queries, probes.size())) {
            probe.setUp().run();
            api.get(probe.path()).as(token).send();
            raw(index, probe.raw());
        }
        List<Long> apiNanos = new ArrayList<>();
        List<Long> rawNanos = new ArrayList<>();
        int violations = 0;
        double ndcg = 0;
        for (Probe probe : probes.subList(0, queries)) {
            probe.setUp().run();
            long t0 = System.nanoTime();
            Api.Response response = api.get(probe.path()).as(token).send();
            apiNanos.add(System.nanoTime() - t0);
            long r0 = System.nanoTime();
            raw(index, probe.raw());
            rawNanos.add(System.nanoTime() - r0);
            List<UUID> ours = ids(response, idPointer);
            Map<UUID, Double> ideal = probe.ideal().get();
            violations +=
                    (int) ours.stream().filter(id -> !ideal.containsKey(id)).count();
            ndcg += SyntheticCounty.ndcgAt10(ours, ideal);
        }
        return new Section(title, description, queries, violations, ndcg / Math.max(1, queries), apiNanos, rawNanos);
    }

    /** The query our endpoint sends, sent straight to the index: same size (twice the page, for the re-check). */
    private void raw(IndexedDocuments index, Query query) throws Exception {
        elasticsearch.search(
                s -> s.index(indexes.alias(index))
                        .size(20)
                        .source(src -> src.fetch(false))
                        .trackTotalHits(t -> t.enabled(false))
                        .query(query),
                Void.class);
    }

    private static List<UUID> ids(Api.Response response, String idPointer) {
        if (response.status() != 200) {
            throw new IllegalStateException("match failed: " + response);
        }
        List<UUID> ids = new ArrayList<>();
        response.json()
                .get("items")
                .forEach(item -> ids.add(UUID.fromString(item.at(idPointer).asString())));
        return ids;
    }

    /** Requests that want a guarantee → every active guarantee product, fee and coverage ranking. */
    private Section requestToGuarantees(List<SyntheticCounty.Request> requests) throws Exception {
        List<GuaranteeProduct> active = offers.activeGuaranteeProducts();
        List<Probe> probes = new ArrayList<>();
        for (SyntheticCounty.Request request : requests.stream()
                .filter(r -> r.content().guaranteeWanted())
                .limit(2L * queryCount)
                .toList()) {
            OffersForRequest.Target target = matching.target(REGULATOR, request.id());
            probes.add(new Probe(
                    "/financing-requests/" + request.id() + "/matches/guarantee-products?limit=10",
                    GuaranteeScoring.query(target.content(), target.firmTier(), target.industries(), target.words()),
                    () -> SyntheticCounty.bruteForceGuarantees(active, target)));
        }
        return measure(
                "Request → guarantee products",
                "Requests that want a guarantee, against every active "
                        + "guarantee product (limit, industry and tier as hard rules; fee and coverage rank).",
                "regulator",
                "/guaranteeProduct/id",
                guaranteeDocuments,
                probes);
    }

    /** Requests → every active investment offer, closeness to the ticket's middle ranking. */
    private Section requestToInvestments(List<SyntheticCounty.Request> requests) throws Exception {
        List<InvestmentOffer> active = offers.activeInvestmentOffers();
        List<Probe> probes = new ArrayList<>();
        for (SyntheticCounty.Request request : requests.subList(0, Math.min(requests.size(), 2 * queryCount))) {
            OffersForRequest.Target target = matching.target(REGULATOR, request.id());
            probes.add(new Probe(
                    "/financing-requests/" + request.id() + "/matches/investment-offers?limit=10",
                    InvestmentScoring.query(target.content(), target.industries(), target.words()),
                    () -> SyntheticCounty.bruteForceInvestments(active, target)));
        }
        return measure(
                "Request → investment offers",
                "Requests against every active investment offer (ticket range "
                        + "and industry as hard rules; closeness to the ticket's middle ranks).",
                "regulator",
                "/investmentOffer/id",
                investmentDocuments,
                probes);
    }

    /** Bank A's loan products → every open request: the same rules and decay functions in Java. */
    private Section bankInbox(List<UUID> productIds, List<OpenRequest> open) throws Exception {
        List<Probe> probes = new ArrayList<>();
        for (LoanProduct product : offers.loanProducts(productIds)) {
            LoanTerms terms = product.terms();
            probes.add(new Probe(
                    "/loan-products/" + product.state().id() + "/matches/financing-requests?limit=10",
                    RequestsForOffer.loanQuery(
                            terms,
                            withDescendants(INDUSTRY, terms.industries()),
                            withDescendants(REGION, terms.regions()),
                            words(terms.name(), terms.description()),
                            Instant.now()),
                    () -> inboxBruteForce(
                            open,
                            request -> terms.fits(
                                    request.content(),
                                    request.tier(),
                                    withAncestors(INDUSTRY, request.content().industry()),
                                    withAncestors(REGION, request.content().region())),
                            LoanProductScoring.middle(terms.amountMinFen(), terms.amountMaxFen()),
                            request -> LoanProductScoring.TERM_WEIGHT
                                    * LoanProductScoring.gauss(
                                            request.content().termMonths(),
                                            (terms.termMinMonths() + terms.termMaxMonths()) / 2,
                                            LoanProductScoring.TERM_SCALE_MONTHS))));
        }
        return measure(
                "Loan product → open requests (a bank's inbox)",
                "Products moved to bank A (a demo user, so its "
                        + "inbox can be asked for over HTTP), each against every open request.",
                "bank-a",
                "/financingRequest/id",
                requestDocuments,
                probes);
    }

    /** The demo guarantor's products → every open request. */
    private Section guarantorInbox(List<UUID> productIds, List<OpenRequest> open) throws Exception {
        List<Probe> probes = new ArrayList<>();
        for (GuaranteeProduct product : offers.guaranteeProducts(productIds)) {
            GuaranteeTerms terms = product.terms();
            probes.add(new Probe(
                    "/guarantee-products/" + product.state().id() + "/matches/financing-requests?limit=10",
                    RequestsForOffer.guaranteeQuery(
                            terms,
                            withDescendants(INDUSTRY, terms.industries()),
                            words(terms.name(), terms.description()),
                            Instant.now()),
                    () -> inboxBruteForce(
                            open,
                            request -> GuaranteeScoring.fits(
                                    terms,
                                    request.content(),
                                    request.tier(),
                                    withAncestors(INDUSTRY, request.content().industry())),
                            GuaranteeScoring.inboxMiddle(terms),
                            request -> 0.0)));
        }
        return measure(
                "Guarantee product → open requests (a guarantor's inbox)",
                "Products moved to the demo guarantor, " + "each against every open request.",
                "guarantor",
                "/financingRequest/id",
                requestDocuments,
                probes);
    }

    /** The demo investor's offers → every open request. */
    private Section investorInbox(List<UUID> offerIds, List<OpenRequest> open) throws Exception {
        List<Probe> probes = new ArrayList<>();
        for (InvestmentOffer offer : offers.investmentOffers(offerIds)) {
            InvestmentTerms terms = offer.terms();
            probes.add(new Probe(
                    "/investment-offers/" + offer.state().id() + "/matches/financing-requests?limit=10",
                    RequestsForOffer.investmentQuery(
                            terms,
                            withDescendants(INDUSTRY, terms.industries()),
                            words(terms.name(), terms.description()),
                            Instant.now()),
                    () -> inboxBruteForce(
                            open,
                            request -> InvestmentScoring.fits(
                                    terms,
                                    request.content(),
                                    withAncestors(INDUSTRY, request.content().industry())),
                            LoanProductScoring.middle(terms.ticketMinFen(), terms.ticketMaxFen()),
                            request -> 0.0)));
        }
        return measure(
                "Investment offer → open requests (an investor's inbox)",
                "Offers moved to the demo investor, " + "each against every open request.",
                "investor",
                "/financingRequest/id",
                requestDocuments,
                probes);
    }

    /**
     * Every open request the offer may see, scored in Java as the inbox query scores it: the amount's
     * closeness to the offer's sweet spot, freshness, and what else the kind adds (the loan's term).
     */
    private static Map<UUID, Double> inboxBruteForce(
            List<OpenRequest> open,
            Predicate<OpenRequest> eligible,
            long sweetSpotFen,
            ToDoubleFunction<OpenRequest> more) {
        Instant now = Instant.now();
        Map<UUID, Double> scores = new HashMap<>();
        for (OpenRequest request : open) {
            if (!eligible.test(request)) {
                continue;
            }
            double ageDays = Math.max(
                            0,
                            java.time.Duration.between(request.publishedAt(), now)
                                    .toMillis())
                    / 86_400_000.0;
            scores.put(
                    request.id(),
                    LoanProductScoring.AMOUNT_WEIGHT
                                    * LoanProductScoring.gauss(
                                            request.content().amountFen(),
                                            sweetSpotFen,
                                            LoanProductScoring.amountScale(sweetSpotFen))
                            + more.applyAsDouble(request)
                            + LoanProductScoring.FRESHNESS_WEIGHT
                                    * LoanProductScoring.gauss(ageDays, 0, LoanProductScoring.FRESHNESS_SCALE_DAYS));
        }
        return scores;
    }

    record OpenRequest(UUID id, RequestContent content, String tier, Instant publishedAt) {}

    private List<OpenRequest> openRequests() {
        return jdbc.sql("""
                select r.id, r.amount_fen, r.term_months, r.industry, r.region, r.collateral_offered, r.guarantee_wanted,
                       r.max_annual_rate_bp, r.published_at, o.tier
                from financing_request r join organization o on o.id = r.organization_id
                where r.status = 'open' and o.verified_at is not null and r.bid_deadline > now()""")
                .query((rs, n) -> new OpenRequest(
                        rs.getObject("id", UUID.class),
                        new RequestContent(
                                "",
                                "",
                                null,
                                rs.getLong("amount_fen"),
                                rs.getInt("term_months"),
                                rs.getString("industry"),
                                rs.getString("region"),
                                SqlArrays.strings(rs.getArray("collateral_offered")),
                                rs.getBoolean("guarantee_wanted"),
                                rs.getInt("max_annual_rate_bp")),
                        rs.getString("tier"),
                        rs.getTimestamp("published_at").toInstant()))
                .list();
    }

    /** The county's talent needs → every talent profile, as the talent bureau. */
    private Section needToTalents(List<SyntheticCounty.Need> needs) throws Exception {
        List<SyntheticCounty.Talent> everyone = SyntheticCounty.allTalents(jdbc);
        Set<String> countyRegions = Set.copyOf(withDescendants(REGION, List.of("county")));
        List<Probe> probes = new ArrayList<>();
        for (SyntheticCounty.Need need : needs.subList(0, Math.min(needs.size(), 2 * queryCount))) {
            probes.add(new Probe(
                    "/talent-needs/" + need.id() + "/matches/talent-profiles?limit=10",
                    TalentMatching.profilesQuery(
                            need.content(),
                            chineseWords.segmented(need.content().title() + " ")),
                    () -> SyntheticCounty.bruteForce(
                            everyone, need.content(), talentDocuments::skillsWithGroups, countyRegions)));
        }
        return measure(
                "Talent need → talent profiles",
                ("%d talent profiles (about 10 %% hidden, 10 %% anonymous; "
                                + "random skills, education, experience, hometown or none, salary) against %d open needs (required skills, "
                                + "sometimes a whole skill group, preferred skills, minimum education and experience, salary), as the "
                                + "talent bureau; a hidden talent counts as a violation.")
                        .formatted(everyone.size(), needs.size()),
                "bureau",
                "/profile/id",
                talentDocuments,
                probes);
    }

    /**
     * Talent profile → every open need: the demo talent's own profile takes each synthetic talent's skills,
     * education, experience, hometown and salary in turn (no résumé or tags: no text part), then asks.
     */
    private Section talentToNeeds(List<SyntheticCounty.Talent> talents) throws Exception {
        List<SyntheticCounty.Need> open = SyntheticCounty.allOpenNeeds(jdbc);
        Set<String> countyRegions = Set.copyOf(withDescendants(REGION, List.of("county")));
        List<Probe> probes = new ArrayList<>();
        for (SyntheticCounty.Talent talent : talents.subList(0, Math.min(talents.size(), 2 * queryCount))) {
            TalentProfileContent content = talent.content();
            Set<String> skills = talentDocuments.skillsWithGroups(content);
            probes.add(new Probe(
                    () -> becomeDemoTalent(content),
                    "/talent-profiles/me/matches/talent-needs?limit=10",
                    TalentMatching.needsQuery(content, skills, ""),
                    () -> SyntheticCounty.bruteForce(content, skills, open, countyRegions)));
        }
        return measure(
                "Talent profile → talent needs",
                "%d open needs; the demo talent's profile takes each of %d ".formatted(open.size(), probes.size())
                        + "synthetic talents' skills, education, experience, hometown and "
                        + "salary in turn (outside the timing) and asks for its matches.",
                "talent",
                "/need/id",
                needDocuments,
                probes);
    }

    private void becomeDemoTalent(TalentProfileContent talent) {
        jdbc.sql("""
                update talent_profile set skills = :skills, tags = '{}', resume = null, education = :education,
                    years_experience = :years, hometown_region = :hometown, willing_to_return = :willing,
                    salary_min_fen = :salaryMin, salary_max_fen = :salaryMax, visibility = 'public'
                where subject = :subject""")
                .param("skills", talent.skills().toArray(String[]::new))
                .param("education", talent.education().code())
                .param("years", talent.yearsExperience())
                .param("hometown", talent.hometownRegion())
                .param("willing", talent.willingToReturn())
                .param("salaryMin", talent.salaryMinFen())
                .param("salaryMax", talent.salaryMaxFen())
                .param("subject", DEMO_TALENT_SUBJECT)
                .update();
    }

    private List<String> withDescendants(ReferenceData.Vocabulary vocabulary, List<String> codes) {
        return referenceData.withDescendants(vocabulary, codes);
    }

    private List<String> withAncestors(ReferenceData.Vocabulary vocabulary, String code) {
        return referenceData.withAncestors(vocabulary, code);
    }

    private String words(String name, @Nullable String description) {
        return chineseWords.segmented(name + " " + (description == null ? "" : description));
    }

    /**
     * Commit-to-searchable lag: a product's change and its outbox row commit together, then we search for
     * the new version until it is found. Changes are spaced at random so they fall anywhere in the indexer's
     * polling and the index's refresh cycles.
     */
    private List<Long> outboxLag(List<SyntheticCounty.Product> products, Random random) throws Exception {
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < lagSamples; i++) {
            UUID id = products.get(random.nextInt(products.size())).id();
            long version = transactions.execute(status -> {
                long next = jdbc.sql("""
                        update loan_product set description = :description, version = version + 1, updated_at = now()
                        where id = :id returning version""")
                        .param("id", id)
                        .param("description", "适用产业 修订 " + UUID.randomUUID())
                        .query(Long.class)
                        .single();
                outbox.changed(loanDocuments, id);
                return next;
            });
            long committed = System.nanoTime();
            while (elasticsearch
                            .count(c -> c.index(indexes.alias(loanDocuments))
                                    .query(q -> q.bool(b -> b.filter(f ->
                                                    f.term(t -> t.field("id").value(id.toString())))
                                            .filter(f -> f.range(r -> r.untyped(
                                                    u -> u.field("version").gte(JsonData.of(version))))))))
                            .count()
                    == 0) {
                if (System.nanoTime() - committed > 30_000_000_000L) {
                    throw new IllegalStateException("a change was not searchable within 30 s");
                }
                Thread.sleep(10);
            }
            lags.add(System.nanoTime() - committed);
            Thread.sleep(random.nextInt(300));
        }
        return lags;
    }

    /** What a keyword search gives: the request's industry against product text, segmented the same way, no filters. */
    private List<UUID> keywordBaseline(SyntheticCounty.Request request) throws Exception {
        String industry = chineseWords.segmented(request.content().industry());
        List<UUID> ids = new ArrayList<>();
        for (Hit<Void> hit : elasticsearch
                .search(
                        s -> s.index(indexes.alias(loanDocuments))
                                .size(10)
                                .source(src -> src.fetch(false))
                                .query(q -> q.match(m -> m.field("description").query(industry))),
                        Void.class)
                .hits()
                .hits()) {
            ids.add(UUID.fromString(hit.id()));
        }
        return ids;
    }

    /** The same documents as the rebuild, written with one raw {@code _bulk} per 500 into a scratch index. */
    private long rawBulk(List<SyntheticCounty.Product> products) throws Exception {
        String scratch = indexes.alias(loanDocuments) + "-rawbulk";
        if (elasticsearch.indices().exists(e -> e.index(scratch)).value()) {
            elasticsearch.indices().delete(d -> d.index(scratch));
        }
        try (InputStream mapping = new ClassPathResource("search-mappings/loan-products.v1.json").getInputStream()) {
            elasticsearch.indices().create(c -> c.index(scratch).withJson(mapping));
        }
        List<Map<String, Object>> documents =
                loanDocuments
                        .current(products.stream()
                                .map(SyntheticCounty.Product::id)
                                .toList())
                        .values()
                        .stream()
                        .map(IndexedDocuments.Current::document)
                        .filter(Objects::nonNull)
                        .toList();
        long started = System.nanoTime();
        for (int from = 0; from < documents.size(); from += 500) {
            List<BulkOperation> operations = documents.subList(from, Math.min(documents.size(), from + 500)).stream()
                    .map(doc -> BulkOperation.of(op -> op.index(
                            i -> i.index(scratch).id((String) doc.get("id")).document(doc))))
                    .toList();
            BulkResponse response = elasticsearch.bulk(b -> b.operations(operations));
            if (response.errors()) {
                throw new IllegalStateException("raw bulk failed");
            }
        }
        elasticsearch.indices().refresh(r -> r.index(scratch));
        long took = (System.nanoTime() - started) / 1_000_000;
        elasticsearch.indices().delete(d -> d.index(scratch));
        return took;
    }

    /** The p-th percentile (0..1, nearest rank) of durations in nanoseconds, in microseconds; shared with {@code LoadRun}. */
    static long percentileMicros(List<Long> nanos, double p) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000;
    }

    private void writeReport(
            int products,
            int requests,
            int guarantees,
            int investments,
            LoanFigures loans,
            SearchIndexes.Rebuilt rebuilt,
            long rawBulkMillis,
            List<Long> lagNanos,
            SearchIndexes.Rebuilt profilesRebuilt,
            List<Section> sections)
            throws Exception {
        StringBuilder summary = new StringBuilder();
        StringBuilder details = new StringBuilder();
        for (Section section : sections) {
            summary.append("| %s | %d | **%d** | **%.4f** | %.1f / %.1f ms | %.1f / %.1f ms | %.2f× / %.2f× |%n"
                    .formatted(
                            section.title(),
                            section.queries(),
                            section.violations(),
                            section.ndcg(),
                            section.apiMillis(0.5),
                            section.apiMillis(0.99),
                            section.rawMillis(0.5),
                            section.rawMillis(0.99),
                            section.ratio(0.5),
                            section.ratio(0.99)));
            if (!section.description().isEmpty()) {
                details.append("- **%s**: %s%n".formatted(section.title(), section.description()));
            }
        }
        Section loanSection = sections.getFirst();
        String report = """
                # Matching benchmark: every direction, against a brute force and the raw query

                Written by `./duijie bench` (class `MatchingBenchmark`) on %s.
                Machine: %s

                Synthetic county, seed %d: %d loan products of 20 banks, %d guarantee products of 10 guarantors, %d
                investment offers of 10 investor groups, %d open requests of 200 firms (industries, towns, tiers,
                collateral, guarantee, amounts, terms and rates drawn at random; an offer's lists are empty, meaning
                any, with some probability); talents and needs below. The requests' and needs' words are unique, so
                relevance is the structured score alone and the brute force needs no text part.

                ## Summary (top 10 of each query; endpoint and raw query one at a time over loopback, same run)

                | direction | queries | hard-constraint violations | nDCG@10 vs exact brute force | our endpoint p50 / p99 | raw Elasticsearch query p50 / p99 | ratio p50 / p99 |
                |---|---|---|---|---|---|---|
                %s
                Every endpoint and raw query was warmed up first on as many other queries (request → loan products:
                %d rounds). The raw query is the one the endpoint sends (twice the page, for the re-check), sent
                straight to the index with the same client; the target is an endpoint p99 within 1.3× the raw p99.

                %s
                ## Request → loan products: against a keyword baseline, and where the time goes

                | | hard-constraint violations | nDCG@10 |
                |---|---|---|
                | our endpoint | **%d** | **%.4f** |
                | keyword baseline (BM25 on the industry name, no filters) | %d | %.4f |

                The brute-force scorer evaluates every product in Java with the same eligibility rules and the
                same preferences (amount sweet spot, term, rate against the firm's maximum, the lender's median
                response time from a seeded history of 3–10 answers per bank).

                | same run, same requests | p50 | p99 |
                |---|---|---|
                | our match endpoint | %.1f ms | %.1f ms |
                | the raw Elasticsearch query underneath | %.1f ms | %.1f ms |
                | a plain read of the request (HTTP, token check, one PostgreSQL read, JSON) | %.1f ms | %.1f ms |
                | the cheapest answer our server gives (401 without a token: HTTP and the security filters) | %.1f ms | %.1f ms |

                The endpoint is the raw query plus a plain read's work plus reading the request and the firm
                before the query, re-reading the hits after it (the eligibility re-check in PostgreSQL) and
                writing the explanations. A p99 within 1.3× the raw query's leaves all of that less than 0.3× the
                raw query. On this machine the 401 line, which does none of that work, is already %.2f× the raw
                query at p50 and %.2f× at p99.

                ## Indexing

                | | documents | time |
                |---|---|---|
                | full rebuild of loan products through the application (read from PostgreSQL in batches, build, bulk, swap alias) | %d | %d ms |
                | raw `_bulk` of the same documents | %d | %d ms |
                | full rebuild of talent profiles through the application | %d | %d ms |

                ## Commit-to-searchable lag through the outbox

                %d product changes, each committed with its outbox row, then searched for by its new version
                every 10 ms (indexer polling every 200 ms, index refresh every 1 s; target p99 ≤ 2 s):
                **p50 %.0f ms, p99 %.0f ms**, max %.0f ms.
                """.formatted(
                        Instant.now().truncatedTo(ChronoUnit.SECONDS),
                        Machine.described(),
                        seed,
                        products,
                        guarantees,
                        investments,
                        requests,
                        summary,
                        warmupCount,
                        details,
                        loans.violations(),
                        loans.ndcg(),
                        loans.baselineViolations(),
                        loans.baselineNdcg(),
                        loanSection.apiMillis(0.5),
                        loanSection.apiMillis(0.99),
                        loanSection.rawMillis(0.5),
                        loanSection.rawMillis(0.99),
                        percentileMicros(loans.plainReadNanos(), 0.5) / 1000.0,
                        percentileMicros(loans.plainReadNanos(), 0.99) / 1000.0,
                        percentileMicros(loans.unauthorizedNanos(), 0.5) / 1000.0,
                        percentileMicros(loans.unauthorizedNanos(), 0.99) / 1000.0,
                        (double) percentileMicros(loans.unauthorizedNanos(), 0.5)
                                / Math.max(1, percentileMicros(loans.rawNanos(), 0.5)),
                        (double) percentileMicros(loans.unauthorizedNanos(), 0.99)
                                / Math.max(1, percentileMicros(loans.rawNanos(), 0.99)),
                        rebuilt.documents(),
                        rebuilt.tookMillis(),
                        rebuilt.documents(),
                        rawBulkMillis,
                        profilesRebuilt.documents(),
                        profilesRebuilt.tookMillis(),
                        lagNanos.size(),
                        percentileMicros(lagNanos, 0.5) / 1000.0,
                        percentileMicros(lagNanos, 0.99) / 1000.0,
                        percentileMicros(lagNanos, 1.0) / 1000.0);
        Path out = Path.of(System.getProperty("duijie.bench.report", "../docs/benchmarks/matching.md"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }
}
