package dev.duijie.matching;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.duijie.financing.RequestContent;
import dev.duijie.offer.LoanProductDocuments;
import dev.duijie.offer.LoanTerms;
import dev.duijie.organization.CreditCode;
import dev.duijie.offer.LoanProducts;
import dev.duijie.search.ChineseWords;
import dev.duijie.search.IndexedDocuments;
import dev.duijie.search.SearchIndexes;
import dev.duijie.shared.Caller;
import dev.duijie.shared.Role;
import dev.duijie.support.Api;
import dev.duijie.support.Tokens;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The matching benchmark (request → loan products): run by {@code ./duijie bench}, never by the test
 * command. It generates a seeded synthetic county, then measures and writes to
 * {@code docs/benchmarks/matching.md}: hard-constraint violations in the top 10 (must be 0), nDCG@10
 * against an exact brute-force scorer over the same data and preferences and the same for a keyword
 * (BM25-only) baseline, p50/p99 latency of our endpoint against the raw Elasticsearch query, and a full
 * rebuild against a raw {@code _bulk} of the same documents. A report, not an assertion: it fails only
 * when it cannot run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class MatchingBenchmark {

    private static final String[] INDUSTRIES = {"cured-pork", "medicinal-herbs", "prepared-food", "lacquer-craft",
            "new-materials", "green-building-materials", "light-textiles", "culture-tourism-wellness"};
    private static final String[] REGIONS = {"chengguan", "donghe", "xicha", "nanshan", "beiba"};
    private static final String[] TIERS = {"micro", "small", "above_designated_size"};
    private static final String[] COLLATERAL = {"real_estate", "equipment", "receivables", "inventory", "intellectual_property"};

    @Autowired JdbcClient jdbc;
    @Autowired ElasticsearchClient elasticsearch;
    @Autowired SearchIndexes indexes;
    @Autowired LoanProductDocuments loanDocuments;
    @Autowired RequestMatching matching;
    @Autowired LoanProducts loanProducts;
    @Autowired ChineseWords chineseWords;
    @LocalServerPort int port;
    @Value("${duijie.security.issuer-uri}") String issuerUri;
    @Value("${duijie.bench.products:5000}") int productCount;
    @Value("${duijie.bench.requests:1000}") int requestCount;
    @Value("${duijie.bench.queries:200}") int queryCount;
    @Value("${duijie.bench.seed:20261125}") long seed;

    record Product(UUID id, LoanTerms terms) {
    }

    record Request(UUID id, RequestContent content, String tier) {
    }

    @Test
    void run() throws Exception {
        Random random = new Random(seed);
        List<UUID> banks = organizations("bank", 20, random);
        List<UUID> firms = organizations("enterprise", 200, random);
        List<Product> products = seedProducts(banks, random);
        List<Request> requests = seedRequests(firms, random);

        var rebuilt = indexes.rebuild(loanDocuments);
        long rawBulkMillis = rawBulk(products);

        // the brute force sees every active product in PostgreSQL (the demo's too), not just what we seeded
        List<Product> everyActive = loanProducts.active().stream()
                .map(product -> new Product(product.state().id(), product.terms())).toList();
        String token = new Tokens(issuerUri).of("regulator");
        Api api = new Api("http://127.0.0.1:" + port);
        Caller regulator = new Caller("benchmark", Set.of(Role.REGULATOR), null);
        List<Long> apiNanos = new ArrayList<>();
        List<Long> rawNanos = new ArrayList<>();
        int violations = 0;
        int baselineViolations = 0;
        double ndcg = 0;
        double baselineNdcg = 0;
        for (int q = 0; q < queryCount; q++) {
            Request request = requests.get(q);
            // warm the same paths once, outside the measurement
            String path = "/financing-requests/" + request.id() + "/matches/loan-products?limit=10";
            long t0 = System.nanoTime();
            Api.Response response = api.get(path).as(token).send();
            apiNanos.add(System.nanoTime() - t0);
            if (response.status() != 200) {
                throw new IllegalStateException("match failed: " + response);
            }
            List<UUID> ours = new ArrayList<>();
            response.json().get("items").forEach(item -> ours.add(UUID.fromString(item.at("/loanProduct/id").asString())));

            RequestMatching.Target target = matching.target(regulator, request.id());
            Query raw = RequestMatching.loanProductQuery(target);
            long r0 = System.nanoTime();
            elasticsearch.search(s -> s.index(indexes.alias(loanDocuments)).size(10).source(src -> src.fetch(false))
                    .trackTotalHits(t -> t.enabled(false)).query(raw), Void.class);
            rawNanos.add(System.nanoTime() - r0);

            Map<UUID, Double> ideal = bruteForce(everyActive, request, target);
            violations += (int) ours.stream().filter(id -> !ideal.containsKey(id)).count();
            ndcg += ndcgAt10(ours, ideal);

            List<UUID> keyword = keywordBaseline(request);
            baselineViolations += (int) keyword.stream().filter(id -> !ideal.containsKey(id)).count();
            baselineNdcg += ndcgAt10(keyword, ideal);
        }
        writeReport(products.size(), requests.size(), violations, baselineViolations, ndcg / queryCount,
                baselineNdcg / queryCount, apiNanos, rawNanos, rebuilt, rawBulkMillis);
    }

    /** Every eligible product with its exact score (the request's words are unique: no text part). */
    private Map<UUID, Double> bruteForce(List<Product> products, Request request, RequestMatching.Target target) {
        Map<UUID, Double> scores = new HashMap<>();
        RequestContent content = request.content();
        for (Product product : products) {
            LoanTerms terms = product.terms();
            if (!terms.fits(content, request.tier(), target.industries(), target.regions())) {
                continue;
            }
            long middle = LoanProductScoring.middle(terms.amountMinFen(), terms.amountMaxFen());
            double score = LoanProductScoring.AMOUNT_WEIGHT
                    * LoanProductScoring.gauss(middle, content.amountFen(), LoanProductScoring.amountScale(content.amountFen()))
                    + LoanProductScoring.TERM_WEIGHT * LoanProductScoring.gauss((terms.termMinMonths() + terms.termMaxMonths()) / 2,
                            content.termMonths(), LoanProductScoring.TERM_SCALE_MONTHS)
                    + LoanProductScoring.RATE_WEIGHT * LoanProductScoring.gauss(terms.rateMinBp(), 0,
                            LoanProductScoring.rateScale(content.maxAnnualRateBp()));
            scores.put(product.id(), score);
        }
        return scores;
    }

    /** What a keyword search gives: the request's industry against product text, segmented the same way, no filters. */
    private List<UUID> keywordBaseline(Request request) throws Exception {
        String industry = chineseWords.segmented(request.content().industry());
        List<UUID> ids = new ArrayList<>();
        for (Hit<Void> hit : elasticsearch.search(s -> s.index(indexes.alias(loanDocuments)).size(10)
                .source(src -> src.fetch(false))
                .query(q -> q.match(m -> m.field("description").query(industry))), Void.class).hits().hits()) {
            ids.add(UUID.fromString(hit.id()));
        }
        return ids;
    }

    /** nDCG@10 with the brute-force score as graded relevance (0 for an ineligible product). */
    private static double ndcgAt10(List<UUID> ranked, Map<UUID, Double> ideal) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            dcg += ideal.getOrDefault(ranked.get(i), 0.0) / log2(i + 2);
        }
        List<Double> best = ideal.values().stream().sorted(Comparator.reverseOrder()).limit(10).toList();
        double idcg = 0;
        for (int i = 0; i < best.size(); i++) {
            idcg += best.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 1.0 : dcg / idcg;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }

    private List<UUID> organizations(String type, int count, Random random) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = new UUID(0xbe0c4L, random.nextLong());
            ids.add(id);
            jdbc.sql("""
                    insert into organization (id, type, name, credit_code, region, tier, verified_at, verified_by, created_at, created_by)
                    values (:id, :type, :name, :code, 'county', :tier, now(), 'benchmark', now(), 'benchmark')
                    on conflict (id) do nothing""")
                    .param("id", id).param("type", type).param("name", type + " " + i)
                    .param("code", CreditCode.completing("9" + (type.equals("bank") ? "1" : "2")
                            + String.format("%015d", Math.floorMod(random.nextLong(), 1_000_000_000_000_000L))).value())
                    .param("tier", type.equals("enterprise") ? TIERS[random.nextInt(TIERS.length)] : null)
                    .update();
        }
        return ids;
    }

    private List<Product> seedProducts(List<UUID> banks, Random random) {
        List<Product> products = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < productCount; i++) {
            long min = (1 + random.nextInt(200)) * 1_000_000L;
            long max = min * (2 + random.nextInt(20));
            int termMin = 6 * (1 + random.nextInt(6));
            int termMax = termMin + 6 * (1 + random.nextInt(10));
            int rateMin = 300 + random.nextInt(300);
            LoanTerms terms = new LoanTerms("贷款产品 " + i, "适用产业 " + String.join(" ", pick(INDUSTRIES, random, 0.3)),
                    min, max, termMin, termMax, rateMin, rateMin + random.nextInt(300),
                    pick(INDUSTRIES, random, 0.3), pick(REGIONS, random, 0.2), pick(TIERS, random, 0.4),
                    pick(COLLATERAL, random, 0.4), random.nextInt(5) == 0, List.of());
            UUID id = UUID.randomUUID();
            products.add(new Product(id, terms));
            jdbc.sql("""
                    insert into loan_product (id, organization_id, status, name, description, amount_min_fen, amount_max_fen,
                        term_min_months, term_max_months, rate_min_bp, rate_max_bp, industries, regions, tiers,
                        collateral_accepted, guarantee_required, policy_tags, created_at, updated_at, created_by)
                    values (:id, :bank, 'active', :name, :description, :amountMin, :amountMax, :termMin, :termMax, :rateMin,
                        :rateMax, :industries, :regions, :tiers, :collateral, :guarantee, '{}', :now, :now, 'benchmark')""")
                    .param("id", id).param("bank", banks.get(random.nextInt(banks.size())))
                    .param("name", terms.name()).param("description", terms.description())
                    .param("amountMin", terms.amountMinFen()).param("amountMax", terms.amountMaxFen())
                    .param("termMin", terms.termMinMonths()).param("termMax", terms.termMaxMonths())
                    .param("rateMin", terms.rateMinBp()).param("rateMax", terms.rateMaxBp())
                    .param("industries", terms.industries().toArray(String[]::new))
                    .param("regions", terms.regions().toArray(String[]::new))
                    .param("tiers", terms.tiers().toArray(String[]::new))
                    .param("collateral", terms.collateralAccepted().toArray(String[]::new))
                    .param("guarantee", terms.guaranteeRequired())
                    .param("now", Timestamp.from(now))
                    .update();
        }
        return products;
    }

    private List<Request> seedRequests(List<UUID> firms, Random random) {
        List<Request> requests = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < requestCount; i++) {
            UUID firm = firms.get(random.nextInt(firms.size()));
            String tier = jdbc.sql("select tier from organization where id = :id").param("id", firm).query(String.class).single();
            RequestContent content = new RequestContent("bench" + Long.toString(Math.abs(random.nextLong()), 36),
                    "bench" + Long.toString(Math.abs(random.nextLong()), 36), null,
                    (5 + random.nextInt(2000)) * 1_000_000L, 6 * (1 + random.nextInt(20)),
                    INDUSTRIES[random.nextInt(INDUSTRIES.length)], REGIONS[random.nextInt(REGIONS.length)],
                    List.of(COLLATERAL[random.nextInt(COLLATERAL.length)]), random.nextBoolean(), 350 + random.nextInt(400));
            UUID id = UUID.randomUUID();
            requests.add(new Request(id, content, tier));
            jdbc.sql("""
                    insert into financing_request (id, organization_id, status, title, purpose, amount_fen, term_months,
                        industry, region, collateral_offered, guarantee_wanted, max_annual_rate_bp, bid_deadline,
                        published_at, created_at, updated_at, created_by)
                    values (:id, :firm, 'open', :title, :purpose, :amount, :term, :industry, :region, :collateral,
                        :guarantee, :maxRate, :deadline, :now, :now, :now, 'benchmark')""")
                    .param("id", id).param("firm", firm).param("title", content.title()).param("purpose", content.purpose())
                    .param("amount", content.amountFen()).param("term", content.termMonths())
                    .param("industry", content.industry()).param("region", content.region())
                    .param("collateral", content.collateralOffered().toArray(String[]::new))
                    .param("guarantee", content.guaranteeWanted()).param("maxRate", content.maxAnnualRateBp())
                    .param("deadline", Timestamp.from(now.plus(30, ChronoUnit.DAYS))).param("now", Timestamp.from(now))
                    .update();
        }
        return requests;
    }

    /** The same documents as the rebuild, written with one raw {@code _bulk} per 500 into a scratch index. */
    private long rawBulk(List<Product> products) throws Exception {
        String scratch = indexes.alias(loanDocuments) + "-rawbulk";
        if (elasticsearch.indices().exists(e -> e.index(scratch)).value()) {
            elasticsearch.indices().delete(d -> d.index(scratch));
        }
        try (InputStream mapping = new ClassPathResource("search-mappings/loan-products.v1.json").getInputStream()) {
            elasticsearch.indices().create(c -> c.index(scratch).withJson(mapping));
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Product product : products) {
            IndexedDocuments.Current current = loanDocuments.current(product.id());
            if (current.document() != null) {
                documents.add(current.document());
            }
        }
        long started = System.nanoTime();
        for (int from = 0; from < documents.size(); from += 500) {
            List<BulkOperation> operations = documents.subList(from, Math.min(documents.size(), from + 500)).stream()
                    .map(doc -> BulkOperation.of(op -> op.index(i -> i.index(scratch).id((String) doc.get("id")).document(doc))))
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

    private static List<String> pick(String[] values, Random random, double chanceOfAny) {
        if (random.nextDouble() < chanceOfAny) {
            return List.of();
        }
        List<String> picked = new ArrayList<>(Arrays.asList(values));
        java.util.Collections.shuffle(picked, random);
        return List.copyOf(picked.subList(0, 1 + random.nextInt(Math.min(3, values.length))));
    }

    private static long percentileMicros(List<Long> nanos, double p) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000;
    }

    private void writeReport(int products, int requests, int violations, int baselineViolations, double ndcg,
            double baselineNdcg, List<Long> apiNanos, List<Long> rawNanos, SearchIndexes.Rebuilt rebuilt, long rawBulkMillis)
            throws Exception {
        String machine = machine();
        long apiP50 = percentileMicros(apiNanos, 0.5);
        long apiP99 = percentileMicros(apiNanos, 0.99);
        long rawP50 = percentileMicros(rawNanos, 0.5);
        long rawP99 = percentileMicros(rawNanos, 0.99);
        String report = """
                # Matching benchmark: request → loan products

                Written by `./duijie bench` (class `MatchingBenchmark`) on %s.
                Machine: %s

                Synthetic county, seed %d: %d loan products of 20 banks, %d open requests of 200 firms
                (industries, towns, tiers, collateral, guarantee, amounts, terms and rates drawn at random; a
                product's lists are empty, meaning any, with some probability). %d requests were matched.

                ## Quality (top 10 of each query)

                | | hard-constraint violations | nDCG@10 vs exact brute-force scorer |
                |---|---|---|
                | our endpoint | **%d** | **%.4f** |
                | keyword baseline (BM25 on the industry name, no filters) | %d | %.4f |

                The brute-force scorer evaluates every product in Java with the same eligibility rules and the
                same preferences (amount sweet spot, term, rate against the firm's maximum); the requests'
                texts share no words with the products, so relevance is the structured score alone.

                ## Speed (same run, same queries, one at a time over loopback)

                | | p50 | p99 |
                |---|---|---|
                | our endpoint (HTTP, token check, PostgreSQL re-check, explanations) | %.1f ms | %.1f ms |
                | the raw Elasticsearch query underneath | %.1f ms | %.1f ms |
                | ratio | %.2f× | %.2f× |

                ## Indexing

                | | documents | time |
                |---|---|---|
                | full rebuild through the application (read from PostgreSQL, build, bulk, swap alias) | %d | %d ms |
                | raw `_bulk` of the same documents | %d | %d ms |

                Not yet measured here: guarantee products, investment offers, talent, the bank inbox, and
                commit-to-searchable lag through the outbox.
                """.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), machine, seed, products, requests, queryCount,
                violations, ndcg, baselineViolations, baselineNdcg,
                apiP50 / 1000.0, apiP99 / 1000.0, rawP50 / 1000.0, rawP99 / 1000.0,
                (double) apiP50 / Math.max(1, rawP50), (double) apiP99 / Math.max(1, rawP99),
                rebuilt.documents(), rebuilt.tookMillis(), rebuilt.documents(), rawBulkMillis);
        Path out = Path.of(System.getProperty("duijie.bench.report", "../docs/benchmarks/matching.md"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        long memoryGiB = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024).orElse(0L);
        return "%s, %d cores, %d GiB, Java %s".formatted(cpu, Runtime.getRuntime().availableProcessors(), memoryGiB,
                Runtime.version());
    }
}
