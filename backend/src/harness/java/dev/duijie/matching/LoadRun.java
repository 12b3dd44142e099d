package dev.duijie.matching;

import static dev.duijie.referencedata.ReferenceData.Vocabulary.INDUSTRY;
import static dev.duijie.referencedata.ReferenceData.Vocabulary.REGION;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.duijie.financing.FinancingRequestDocuments;
import dev.duijie.financing.OpenRequestSearch;
import dev.duijie.financing.RequestLookup;
import dev.duijie.offer.LoanProductDocuments;
import dev.duijie.offer.LoanTerms;
import dev.duijie.referencedata.ReferenceData;
import dev.duijie.search.ChineseWords;
import dev.duijie.search.IndexedDocuments;
import dev.duijie.search.SearchIndexes;
import dev.duijie.search.SearchOutbox;
import dev.duijie.shared.Caller;
import dev.duijie.shared.Role;
import dev.duijie.support.Api;
import dev.duijie.support.Machine;
import dev.duijie.support.Requests;
import dev.duijie.support.Tokens;
import dev.duijie.talent.EducationLevel;
import dev.duijie.talent.TalentNeedDocuments;
import dev.duijie.talent.TalentProfileContent;
import dev.duijie.talent.TalentProfileDocuments;
import dev.duijie.talent.Visibility;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load run: started by {@code ./duijie load}, never by the test command. The backend under load is a
 * separate process ({@code java -jar}, started by the script on its own port, database and index prefix), so
 * its memory is its own; this class is only the driver. It seeds a {@link SyntheticCounty} into the backend's
 * database and rebuilds its indices, then drives it with a fixed number of virtual users in a closed loop for
 * a fixed time: each user repeatedly picks an action from a weighted mix (browse, match, post, bid, apply) and
 * makes its requests as a real demo user with a real token. Then the same number of users, for a shorter time,
 * send the raw work underneath (the Elasticsearch queries the endpoints send, the PostgreSQL statements of the
 * main read and write) straight to the servers, for the ratio of our latency to theirs. The backend's memory
 * is sampled throughout ({@code /proc/<pid>/status} and the actuator's JVM metrics). Writes {@code
 * docs/benchmarks/load.md}. Nothing here asserts timing: the run fails on any 5xx, any answer the mix does not
 * expect, any request without an answer, or data found broken afterwards.
 *
 * <p>This driver starts the application's context only for its beans (query builders, index rebuilds, the
 * database); its own indexer and expiry job are slowed to once an hour, so the backend under load does that
 * work, and it leaves the schema to the backend.
 */
@SpringBootTest(
        properties = {
            "spring.flyway.enabled=false",
            "duijie.search.indexer-interval=1h",
            "duijie.financing.expiry-interval=1h",
            "spring.datasource.hikari.maximum-pool-size=${duijie.load.users:12}",
            "spring.datasource.hikari.minimum-idle=2"
        })
@ActiveProfiles("demo")
class LoadRun {

    private static final UUID ENTERPRISE_ORG = UUID.fromString("00000000-0000-4000-8000-000000000101");
    private static final UUID BANK_A_ORG = UUID.fromString("00000000-0000-4000-8000-000000000201");
    private static final UUID BANK_B_ORG = UUID.fromString("00000000-0000-4000-8000-000000000202");
    private static final List<String> BANKS = List.of("bank-a", "bank-b");
    private static final List<String> TALENTS =
            List.of("talent", "talent-b", "talent-c", "talent-d", "talent-e", "talent-f");
    /** The enterprise's part of the county (moved to it), the banks' products each, the needs matched and applied to. */
    private static final int ENTERPRISE_REQUESTS = 300;

    private static final int PRODUCTS_PER_BANK = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    SearchIndexes indexes;

    @Autowired
    FinancingRequestDocuments requestDocuments;

    @Autowired
    LoanProductDocuments loanDocuments;

    @Autowired
    TalentProfileDocuments talentDocuments;

    @Autowired
    TalentNeedDocuments needDocuments;

    @Autowired
    SearchOutbox outbox;

    @Autowired
    RequestLookup financingRequests;

    @Autowired
    OffersForRequest matching;

    @Autowired
    LenderResponseTimes lenderResponseTimes;

    @Autowired
    ChineseWords chineseWords;

    @Autowired
    ReferenceData referenceData;

    @Value("${duijie.security.issuer-uri}")
    String issuerUri;

    @Value("${duijie.load.backend-url}")
    String backendUrl;

    @Value("${duijie.load.backend-pid}")
    long backendPid;

    @Value("${duijie.load.users:12}")
    int users;

    @Value("${duijie.load.duration:180s}")
    Duration duration;

    @Value("${duijie.load.warmup:30s}")
    Duration warmup;

    @Value("${duijie.load.raw-duration:60s}")
    Duration rawDuration;

    @Value("${duijie.load.think-time:0ms}")
    Duration thinkTime;

    @Value("${duijie.load.products:2000}")
    int productCount;

    @Value("${duijie.load.requests:20000}")
    int requestCount;

    @Value("${duijie.load.talents:10000}")
    int talentCount;

    @Value("${duijie.load.talent-needs:2000}")
    int needCount;

    @Value("${duijie.load.seed:20261201}")
    long seed;

    private Api api;
    private LiveTokens tokens;

    // the county as seeded
    private List<SyntheticCounty.Request> marketRequests;
    private List<SyntheticCounty.Request> enterpriseRequests;
    private List<SyntheticCounty.Product> bankAProducts;
    private List<SyntheticCounty.Product> bankBProducts;
    private List<SyntheticCounty.Need> needs;
    /** Talent profiles the demo talents save in turn (no résumé or tags: the match query has no text part). */
    private List<TalentProfileContent> profileVariants;

    // what the run has done, for the next actions and for the checks afterwards
    private final Map<UUID, RequestTerms> requestTerms = new ConcurrentHashMap<>();
    private final List<UUID> enterpriseOpen = new CopyOnWriteArrayList<>();
    private final Set<UUID> enterpriseWithBids = ConcurrentHashMap.newKeySet();
    private final List<UUID> postedNeeds = new CopyOnWriteArrayList<>();
    private final Set<UUID> createdRequests = ConcurrentHashMap.newKeySet();
    private final Set<UUID> publishedRequests = ConcurrentHashMap.newKeySet();
    private final Set<UUID> createdBids = ConcurrentHashMap.newKeySet();
    private final Map<UUID, UUID> acceptedBids = new ConcurrentHashMap<>();
    private final Set<UUID> openedNeeds = ConcurrentHashMap.newKeySet();
    private final Set<UUID> createdApplications = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sequence = new AtomicInteger();

    /** What a bid must respect: at most the request's amount, at most its maximum rate. */
    record RequestTerms(long amountFen, int termMonths, int maxAnnualRateBp) {}

    @Test
    void run() throws Exception {
        api = new Api(backendUrl);
        tokens = new LiveTokens(new Tokens(issuerUri));
        Instant started = Instant.now();
        long[] seedingSeconds = seed();
        saveDemoTalentProfiles();

        Memory memory = new Memory();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        memory.sample("after seeding");
        sampler.scheduleAtFixedRate(() -> memory.sample(null), 1, 1, TimeUnit.SECONDS);

        long fundReservedBefore = fundReserved();
        Recorder warming = new Recorder();
        runPhase(warmup, warming, apiMix(), 1);
        memory.sample("after warm-up");
        Recorder ours = new Recorder();
        memory.phase = "load";
        long loadStarted = System.nanoTime();
        runPhase(duration, ours, apiMix(), 2);
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
        memory.phase = "";
        memory.sample("end of the load");
        Recorder raw = new Recorder();
        List<Action> rawMix = rawMix();
        long rawStarted = System.nanoTime();
        runPhase(rawDuration, raw, rawMix, 3);
        double rawSeconds = (System.nanoTime() - rawStarted) / 1e9;
        sampler.shutdownNow();
        memory.sample("end of the run");

        List<String> broken = checkData(fundReservedBefore);
        String report = report(started, seedingSeconds, warming, ours, loadSeconds, raw, rawSeconds, memory, broken);
        Path out = Path.of(System.getProperty("duijie.load.report", "../docs/benchmarks/load.md"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);

        List<String> failures = new ArrayList<>(broken);
        failures.addAll(warming.failures("warm-up"));
        failures.addAll(ours.failures("load"));
        failures.addAll(raw.failures("raw"));
        if (!failures.isEmpty()) {
            throw new AssertionError("the load run failed:\n- " + String.join("\n- ", failures));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The county
    // ---------------------------------------------------------------------------------------------

    /** Seeds the county in one transaction (one commit instead of one per row) and returns its open requests. */
    private List<SyntheticCounty.Request> seedCounty() {
        return transactions.execute(status -> {
            SyntheticCounty county = new SyntheticCounty(jdbc, seed);
            List<UUID> banks = county.organizations("bank", 20);
            List<UUID> firms = county.organizations("enterprise", 200);
            List<SyntheticCounty.Product> products = county.loanProducts(banks, productCount);
            List<SyntheticCounty.Request> requests = county.openRequests(firms, requestCount);
            county.responseHistories(banks, requests);
            county.talentProfiles(talentCount);
            needs = county.talentNeeds(firms, needCount);
            // the demo users own part of it, so they can ask for their own matches and accept bids over HTTP
            bankAProducts = moveTo(
                    "loan_product", BANK_A_ORG, products.subList(0, PRODUCTS_PER_BANK), SyntheticCounty.Product::id);
            bankBProducts = moveTo(
                    "loan_product",
                    BANK_B_ORG,
                    products.subList(PRODUCTS_PER_BANK, 2 * PRODUCTS_PER_BANK),
                    SyntheticCounty.Product::id);
            enterpriseRequests = moveTo(
                    "financing_request",
                    ENTERPRISE_ORG,
                    requests.subList(0, ENTERPRISE_REQUESTS),
                    SyntheticCounty.Request::id);
            return requests;
        });
    }

    /** Seeds, then rebuilds the four indices the mix searches; returns the seconds each part took. */
    private long[] seed() throws Exception {
        long t0 = System.nanoTime();
        List<SyntheticCounty.Request> requests = seedCounty();
        long seeded = System.nanoTime();
        marketRequests = requests.subList(ENTERPRISE_REQUESTS, requests.size());
        for (SyntheticCounty.Request request : requests) {
            requestTerms.put(
                    request.id(),
                    new RequestTerms(
                            request.content().amountFen(),
                            request.content().termMonths(),
                            request.content().maxAnnualRateBp()));
        }
        enterpriseOpen.addAll(
                enterpriseRequests.stream().map(SyntheticCounty.Request::id).toList());
        for (IndexedDocuments documents : List.of(loanDocuments, requestDocuments, talentDocuments, needDocuments)) {
            indexes.rebuild(documents);
        }
        long indexed = System.nanoTime();
        Random random = new Random(seed);
        profileVariants = new ArrayList<>();
        EducationLevel[] levels = EducationLevel.values();
        for (int i = 0; i < 50; i++) {
            long salaryMin = (3 + random.nextInt(20)) * 100_000L;
            List<String> skills = List.of(
                            SyntheticCounty.SKILLS[random.nextInt(SyntheticCounty.SKILLS.length)],
                            SyntheticCounty.SKILLS[random.nextInt(SyntheticCounty.SKILLS.length)])
                    .stream()
                    .distinct()
                    .toList();
            profileVariants.add(new TalentProfileContent(
                    "负荷测试人才" + i,
                    skills,
                    List.of(),
                    levels[random.nextInt(levels.length)],
                    random.nextInt(21),
                    "深圳",
                    SyntheticCounty.REGIONS[random.nextInt(SyntheticCounty.REGIONS.length)],
                    random.nextBoolean(),
                    salaryMin,
                    salaryMin + (1 + random.nextInt(10)) * 100_000L,
                    null,
                    null,
                    null,
                    Visibility.PUBLIC));
        }
        return new long[] {(seeded - t0) / 1_000_000_000L, (indexed - seeded) / 1_000_000_000L};
    }

    private <T> List<T> moveTo(String table, UUID organization, List<T> rows, java.util.function.Function<T, UUID> id) {
        jdbc.sql("update " + table + " set organization_id = :owner where id = any(:ids)")
                .param("owner", organization)
                .param("ids", rows.stream().map(id).toArray(UUID[]::new))
                .update();
        return List.copyOf(rows);
    }

    /** Every demo talent has a profile before the run (three have one from the demo data). */
    private void saveDemoTalentProfiles() {
        for (int i = 0; i < TALENTS.size(); i++) {
            String token = tokens.of(TALENTS.get(i));
            Api.Response mine = api.get("/talent-profiles/me").as(token).send();
            Api.Call save = api.put("/talent-profiles/me", profileBody(profileVariants.get(i)))
                    .as(token);
            if (mine.status() == 200) {
                save.header("If-Match", mine.header("ETag").orElseThrow());
            }
            Api.Response saved = save.send();
            if (saved.status() != 200 && saved.status() != 201) {
                throw new IllegalStateException("could not save the profile of " + TALENTS.get(i) + ": " + saved);
            }
        }
    }

    private static Map<String, Object> profileBody(TalentProfileContent content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", content.displayName());
        body.put("skills", content.skills());
        body.put("tags", content.tags());
        body.put("education", content.education().code());
        body.put("yearsExperience", content.yearsExperience());
        body.put("currentCity", content.currentCity());
        body.put("hometownRegion", content.hometownRegion());
        body.put("willingToReturn", content.willingToReturn());
        body.put("salaryMinFen", content.salaryMinFen());
        body.put("salaryMaxFen", content.salaryMaxFen());
        body.put("visibility", "public");
        return body;
    }

    // ---------------------------------------------------------------------------------------------
    // The mix
    // ---------------------------------------------------------------------------------------------

    /** One thing a user does, with its share of the mix; it may make several requests, each recorded on its own. */
    record Action(String group, String name, int weight, Consumer<Session> body) {}

    /** One virtual user's turn: its random numbers and where its requests are recorded. */
    record Session(Random random, Recorder recorder) {

        /** One of a list that does not change. */
        <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        /** One of a collection other users change meanwhile (from a snapshot), or null when it is empty. */
        @SuppressWarnings("unchecked")
        <T> @Nullable T pickOfChanging(Collection<T> values) {
            Object[] snapshot = values.toArray();
            return snapshot.length == 0 ? null : (T) snapshot[random.nextInt(snapshot.length)];
        }
    }

    private List<Action> apiMix() {
        return List.of(
                new Action("browse", "search open requests", 12, this::searchOpenRequests),
                new Action("browse", "open talent needs", 10, this::openTalentNeeds),
                new Action(
                        "browse",
                        "get a request",
                        10,
                        s -> get(
                                s,
                                "browse",
                                "get a request",
                                s.pick(BANKS),
                                "/financing-requests/" + s.pick(marketRequests).id())),
                new Action(
                        "browse",
                        "get a talent need",
                        5,
                        s -> get(
                                s,
                                "browse",
                                "get a talent need",
                                s.pick(TALENTS),
                                "/talent-needs/" + s.pick(needs).id())),
                new Action(
                        "browse",
                        "list own requests",
                        4,
                        s -> get(s, "browse", "list own requests", "enterprise", "/financing-requests?limit=20")),
                new Action(
                        "browse",
                        "list own bids",
                        4,
                        s -> get(s, "browse", "list own bids", s.pick(BANKS), "/bids?limit=20")),
                new Action(
                        "match",
                        "request → loan products",
                        8,
                        s -> get(
                                s,
                                "match",
                                "request → loan products",
                                "enterprise",
                                "/financing-requests/"
                                        + s.pick(enterpriseRequests).id() + "/matches/loan-products?limit=10")),
                new Action("match", "bank inbox", 7, this::bankInbox),
                new Action(
                        "match",
                        "need → talents",
                        5,
                        s -> get(
                                s,
                                "match",
                                "need → talents",
                                "bureau",
                                "/talent-needs/" + s.pick(needs).id() + "/matches/talent-profiles?limit=10")),
                new Action(
                        "match",
                        "talent → needs",
                        5,
                        s -> get(
                                s,
                                "match",
                                "talent → needs",
                                s.pick(TALENTS),
                                "/talent-profiles/me/matches/talent-needs?limit=10")),
                new Action("post", "post a request", 5, this::postRequest),
                new Action("post", "post a talent need", 3, this::postNeed),
                new Action("post", "save a profile", 4, this::saveProfile),
                new Action("bid", "bid", 7, this::bid),
                new Action("bid", "accept a bid", 3, this::acceptBid),
                new Action("apply", "apply", 8, this::apply));
    }

    private void searchOpenRequests(Session s) {
        String industry = s.pick(List.of(SyntheticCounty.INDUSTRIES));
        String path = "/open-financing-requests?limit=20&industry=" + industry
                + (s.random().nextBoolean() ? "&region=" + s.pick(List.of(SyntheticCounty.REGIONS)) : "");
        get(s, "browse", "search open requests", s.pick(BANKS), path);
    }

    private void openTalentNeeds(Session s) {
        String path = "/open-talent-needs?limit=20"
                + (s.random().nextBoolean() ? "&skill=" + s.pick(List.of(SyntheticCounty.SKILLS)) : "");
        get(s, "browse", "open talent needs", s.pick(TALENTS), path);
    }

    private void bankInbox(Session s) {
        boolean bankA = s.random().nextBoolean();
        SyntheticCounty.Product product = s.pick(bankA ? bankAProducts : bankBProducts);
        get(
                s,
                "match",
                "bank inbox",
                bankA ? "bank-a" : "bank-b",
                "/loan-products/" + product.id() + "/matches/financing-requests?limit=10");
    }

    private void postRequest(Session s) {
        Map<String, Object> draft = Requests.financingDraft("负荷测试融资需求 " + sequence.incrementAndGet());
        long amount = (50 + s.random().nextInt(500)) * 1_000_000L;
        draft.put("amountFen", amount);
        draft.put("industry", s.pick(List.of(SyntheticCounty.INDUSTRIES)));
        draft.put("region", s.pick(List.of(SyntheticCounty.REGIONS)));
        String enterprise = tokens.of("enterprise");
        Api.Response created = call(
                s,
                "post",
                "create a request",
                api.post("/financing-requests", draft)
                        .as(enterprise)
                        .header("Idempotency-Key", UUID.randomUUID().toString()),
                Set.of(),
                201);
        if (created == null || created.status() != 201) {
            return;
        }
        UUID id = UUID.fromString(created.json().get("id").asString());
        createdRequests.add(id);
        requestTerms.put(id, new RequestTerms(amount, 36, 480));
        Api.Response published = call(
                s,
                "post",
                "publish a request",
                api.post("/financing-requests/" + id + "/publish", Requests.publication(14))
                        .as(enterprise),
                Set.of(),
                200);
        if (published != null && published.status() == 200) {
            publishedRequests.add(id);
            enterpriseOpen.add(id);
        }
    }

    private void postNeed(Session s) {
        Map<String, Object> need = Requests.talentNeed(1 + s.random().nextInt(3));
        need.put("title", "负荷测试岗位 " + sequence.incrementAndGet());
        need.put("requiredSkills", List.of(s.pick(List.of(SyntheticCounty.SKILLS))));
        need.put("preferredSkills", List.of());
        need.put("region", s.pick(List.of(SyntheticCounty.REGIONS)));
        String enterprise = tokens.of("enterprise");
        Api.Response created = call(
                s,
                "post",
                "create a talent need",
                api.post("/talent-needs", need).as(enterprise),
                Set.of(),
                201);
        if (created == null || created.status() != 201) {
            return;
        }
        UUID id = UUID.fromString(created.json().get("id").asString());
        Api.Response opened = call(
                s,
                "post",
                "open a talent need",
                api.post("/talent-needs/" + id + "/status", Map.of("status", "open"))
                        .as(enterprise),
                Set.of(),
                200);
        if (opened != null && opened.status() == 200) {
            openedNeeds.add(id);
            postedNeeds.add(id);
        }
    }

    /** Read, then save with If-Match: two users saving the same profile at once is a 412 for one of them. */
    private void saveProfile(Session s) {
        String token = tokens.of(s.pick(TALENTS));
        Api.Response mine = call(
                s, "post", "read own profile", api.get("/talent-profiles/me").as(token), Set.of(), 200);
        if (mine == null || mine.status() != 200) {
            return;
        }
        call(
                s,
                "post",
                "save a profile",
                api.put("/talent-profiles/me", profileBody(s.pick(profileVariants)))
                        .as(token)
                        .header("If-Match", mine.header("ETag").orElseThrow()),
                Set.of("stale-version"),
                200);
    }

    /** Half on the open market, half on the enterprise's own requests (so it has bids to accept). */
    private void bid(Session s) {
        UUID own = s.random().nextBoolean() ? s.pickOfChanging(enterpriseOpen) : null;
        boolean onEnterprise = own != null;
        UUID requestId = onEnterprise ? own : s.pick(marketRequests).id();
        RequestTerms terms = requestTerms.get(requestId);
        Map<String, Object> bid =
                Requests.bid(terms.maxAnnualRateBp() - s.random().nextInt(50));
        bid.put("amountFen", terms.amountFen());
        bid.put("termMonths", terms.termMonths());
        bid.put("riskSplit", Requests.split(9000, 0, 1000));
        Api.Response placed = call(
                s,
                "bid",
                "bid on a request",
                api.post("/financing-requests/" + requestId + "/bids", bid).as(tokens.of(s.pick(BANKS))),
                Set.of("duplicate", "bidding-closed", "fund-capacity-exceeded"),
                201);
        if (placed != null && placed.status() == 201) {
            createdBids.add(UUID.fromString(placed.json().get("id").asString()));
            if (onEnterprise) {
                enterpriseWithBids.add(requestId);
            }
        }
    }

    /** The enterprise looks at the bids on one of its requests and accepts one; another user may beat it to it. */
    private void acceptBid(Session s) {
        UUID requestId = s.pickOfChanging(enterpriseWithBids);
        if (requestId == null) {
            return;
        }
        String enterprise = tokens.of("enterprise");
        Api.Response listed = call(
                s,
                "bid",
                "list bids on own request",
                api.get("/financing-requests/" + requestId + "/bids?limit=20").as(enterprise),
                Set.of(),
                200);
        if (listed == null || listed.status() != 200) {
            return;
        }
        String bidId = null;
        for (JsonNode item : listed.json().get("items")) {
            if (item.get("status").asString().equals("submitted")) {
                bidId = item.get("id").asString();
            }
        }
        if (bidId == null) {
            enterpriseWithBids.remove(requestId);
            return;
        }
        Api.Response accepted = call(
                s,
                "bid",
                "accept a bid",
                api.post("/bids/" + bidId + "/acceptance", null).as(enterprise),
                Set.of("invalid-state", "bid-not-eligible", "fund-capacity-exceeded"),
                200);
        if (accepted != null && (accepted.status() == 200 || accepted.status() == 409)) {
            if (accepted.status() == 200) {
                acceptedBids.put(UUID.fromString(bidId), requestId);
            }
            enterpriseWithBids.remove(requestId);
            enterpriseOpen.remove(requestId);
        }
    }

    private void apply(Session s) {
        UUID posted = s.random().nextInt(4) == 0 ? s.pickOfChanging(postedNeeds) : null;
        UUID needId = posted != null ? posted : s.pick(needs).id();
        Api.Response applied = call(
                s,
                "apply",
                "apply to a need",
                api.post("/talent-needs/" + needId + "/applications", Map.of()).as(tokens.of(s.pick(TALENTS))),
                Set.of("duplicate"),
                201);
        if (applied != null && applied.status() == 201) {
            createdApplications.add(UUID.fromString(applied.json().get("id").asString()));
        }
    }

    private void get(Session s, String group, String operation, String user, String path) {
        call(s, group, operation, api.get(path).as(tokens.of(user)), Set.of(), 200);
    }

    /**
     * Sends and records one request: its time, and whether it was the success expected, a business answer
     * the mix expects (by problem type), or an error. Null when no answer came at all.
     */
    private Api.@Nullable Response call(
            Session s, String group, String operation, Api.Call call, Set<String> expected, int success) {
        long t0 = System.nanoTime();
        Api.Response response;
        try {
            response = call.send();
        } catch (IllegalStateException noAnswer) {
            s.recorder().record(group, operation, System.nanoTime() - t0, null, "no answer: " + rootCause(noAnswer));
            return null;
        }
        long took = System.nanoTime() - t0;
        if (response.status() == success) {
            s.recorder().record(group, operation, took, null, null);
            return response;
        }
        String problem = problemType(response);
        String answer = response.status() + " " + problem;
        if (response.status() < 500 && expected.contains(problem)) {
            s.recorder().record(group, operation, took, answer, null);
        } else {
            s.recorder().record(group, operation, took, null, answer);
            s.recorder().sampleError(operation + ": " + response.status() + " " + abbreviate(response.body()));
        }
        return response;
    }

    private static String problemType(Api.Response response) {
        try {
            JsonNode type = response.json().get("type");
            String uri = type == null ? "" : type.asString();
            return uri.substring(uri.lastIndexOf('/') + 1);
        } catch (RuntimeException notJson) {
            return "(not problem+json)";
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    // ---------------------------------------------------------------------------------------------
    // The raw work underneath
    // ---------------------------------------------------------------------------------------------

    /**
     * The raw counterparts of the operations that have one, with the same weights: the Elasticsearch query each
     * endpoint sends (built as it builds it, outside the timing) and the PostgreSQL statements of the main read
     * and write, through the same connection pool settings. Each is recorded under its operation's name.
     */
    private List<Action> rawMix() {
        Instant now = Instant.now();
        Caller enterprise = new Caller("load-run", Set.of(Role.ENTERPRISE), ENTERPRISE_ORG);
        LenderResponseTimes.Snapshot responseTimes = lenderResponseTimes.current();
        List<Query> loanQueries = enterpriseRequests.stream()
                .map(r -> OffersForRequest.loanProductQuery(matching.target(enterprise, r.id()), responseTimes))
                .toList();
        List<Query> inboxQueries = new ArrayList<>();
        for (SyntheticCounty.Product product : concat(bankAProducts, bankBProducts)) {
            LoanTerms terms = product.terms();
            inboxQueries.add(RequestsForOffer.loanQuery(
                    terms,
                    referenceData.withDescendants(INDUSTRY, terms.industries()),
                    referenceData.withDescendants(REGION, terms.regions()),
                    chineseWords.segmented(terms.name() + " " + terms.description()),
                    now));
        }
        List<Query> talentQueries = needs.subList(0, Math.min(needs.size(), 300)).stream()
                .map(need -> TalentMatching.profilesQuery(
                        need.content(), chineseWords.segmented(need.content().title() + " ")))
                .toList();
        List<Query> needQueries = profileVariants.stream()
                .map(talent -> TalentMatching.needsQuery(talent, talentDocuments.skillsWithGroups(talent), ""))
                .toList();
        return List.of(
                new Action("browse", "search open requests", 12, s -> rawSearch(s, "search open requests")),
                new Action(
                        "browse",
                        "get a request",
                        10,
                        s -> timed(
                                s,
                                "browse",
                                "get a request",
                                () -> financingRequests
                                        .find(s.pick(marketRequests).id())
                                        .orElseThrow())),
                new Action(
                        "match",
                        "request → loan products",
                        8,
                        s -> rawMatch(s, "request → loan products", loanDocuments, s.pick(loanQueries))),
                new Action(
                        "match",
                        "bank inbox",
                        7,
                        s -> rawMatch(s, "bank inbox", requestDocuments, s.pick(inboxQueries))),
                new Action(
                        "match",
                        "need → talents",
                        5,
                        s -> rawMatch(s, "need → talents", talentDocuments, s.pick(talentQueries))),
                new Action(
                        "match",
                        "talent → needs",
                        5,
                        s -> rawMatch(s, "talent → needs", needDocuments, s.pick(needQueries))),
                new Action(
                        "post",
                        "create a request",
                        5,
                        s -> timed(s, "post", "create a request", this::rawInsertRequest)));
    }

    /** The open-market search as {@link OpenRequestSearch} sends it: its filters, newest first, a page and one more. */
    private void rawSearch(Session s, String operation) {
        var criteria = new OpenRequestSearch.Criteria(
                null,
                s.pick(List.of(SyntheticCounty.INDUSTRIES)),
                s.random().nextBoolean() ? s.pick(List.of(SyntheticCounty.REGIONS)) : null,
                null,
                null);
        Query query = OpenRequestSearch.query(criteria, "", Instant.now());
        timed(
                s,
                "browse",
                operation,
                () -> elasticsearch.search(
                        r -> r.index(indexes.alias(requestDocuments))
                                .size(21)
                                .source(src -> src.fetch(false))
                                .trackTotalHits(t -> t.enabled(false))
                                .query(query)
                                .sort(SortOptions.of(
                                        o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc))))
                                .sort(SortOptions.of(
                                        o -> o.field(f -> f.field("id").order(SortOrder.Asc)))),
                        Void.class));
    }

    /** A match query as {@link MatchIndex} sends it: twice the page (for the re-check), ids and scores only. */
    private void rawMatch(Session s, String operation, IndexedDocuments documents, Query query) {
        timed(
                s,
                "match",
                operation,
                () -> elasticsearch.search(
                        r -> r.index(indexes.alias(documents))
                                .size(20)
                                .source(src -> src.fetch(false))
                                .trackTotalHits(t -> t.enabled(false))
                                .query(query),
                        Void.class));
    }

    /** A draft request and its outbox row in one transaction: what creating one writes before the audit trail. */
    private Object rawInsertRequest() {
        return transactions.execute(status -> {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into financing_request (id, organization_id, status, title, purpose, description, amount_fen,
                        term_months, industry, region, collateral_offered, guarantee_wanted, max_annual_rate_bp,
                        created_at, updated_at, created_by)
                    values (:id, :organizationId, 'draft', :title, '扩建老腊肉熏制车间', null, 300000000, 36, 'cured-pork',
                        'donghe', '{real_estate}', true, 480, :now, :now, 'load-run-raw')""")
                    .param("id", id)
                    .param("organizationId", ENTERPRISE_ORG)
                    .param("title", "负荷测试原始写入 " + sequence.incrementAndGet())
                    .param("now", Timestamp.from(Instant.now()))
                    .update();
            outbox.changed(requestDocuments, id);
            return id;
        });
    }

    /** Work that throws when it fails (no status to read): recorded as a success or an error. */
    private interface Work {
        Object run() throws Exception;
    }

    private static void timed(Session s, String group, String operation, Work work) {
        long t0 = System.nanoTime();
        try {
            work.run();
            s.recorder().record(group, operation, System.nanoTime() - t0, null, null);
        } catch (Exception failed) {
            s.recorder().record(group, operation, System.nanoTime() - t0, null, "failed: " + rootCause(failed));
            s.recorder().sampleError(operation + ": " + failed);
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---------------------------------------------------------------------------------------------
    // Running a phase, and recording it
    // ---------------------------------------------------------------------------------------------

    /** {@code users} virtual threads, each picking actions by weight until the time is up (closed loop). */
    private void runPhase(Duration length, Recorder recorder, List<Action> mix, int phase) {
        int totalWeight = mix.stream().mapToInt(Action::weight).sum();
        long end = System.nanoTime() + length.toNanos();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 0; u < users; u++) {
                Session session = new Session(new Random(seed * 31 + phase * 1000L + u), recorder);
                executor.submit(() -> {
                    while (System.nanoTime() < end) {
                        Action action = pick(mix, session.random().nextInt(totalWeight));
                        try {
                            action.body().accept(session);
                        } catch (RuntimeException crashed) {
                            // a driver mistake or an answer it could not read: an error of the run, never hidden
                            recorder.record(action.group(), action.name(), 0, null, "driver: " + rootCause(crashed));
                            recorder.sampleError(action.name() + ": " + crashed);
                        }
                        if (!thinkTime.isZero()) {
                            Thread.sleep(thinkTime);
                        }
                    }
                    return null;
                });
            }
        }
    }

    private static Action pick(List<Action> mix, int draw) {
        for (Action action : mix) {
            draw -= action.weight();
            if (draw < 0) {
                return action;
            }
        }
        throw new IllegalStateException("weights");
    }

    /** Per operation: latencies, expected business answers and errors, by what they were. */
    static final class Recorder {
        private final Map<String, Operation> operations = new ConcurrentHashMap<>();
        private final List<String> errorSamples = new CopyOnWriteArrayList<>();
        private final AtomicInteger order = new AtomicInteger();

        void record(
                String group, String operation, long nanos, @Nullable String expectedAnswer, @Nullable String error) {
            operations
                    .computeIfAbsent(operation, name -> new Operation(group, name, order.getAndIncrement()))
                    .add(nanos, expectedAnswer, error);
        }

        void sampleError(String error) {
            if (errorSamples.size() < 20) {
                errorSamples.add(error);
            }
        }

        Operation get(String name) {
            return operations.get(name);
        }

        List<Operation> inOrder() {
            List<String> groups = List.of("browse", "match", "post", "bid", "apply");
            return operations.values().stream()
                    .sorted(Comparator.comparingInt((Operation o) -> groups.indexOf(o.group))
                            .thenComparing(o -> o.name))
                    .toList();
        }

        int total() {
            return operations.values().stream().mapToInt(Operation::count).sum();
        }

        int errors() {
            return operations.values().stream().mapToInt(Operation::errorCount).sum();
        }

        int expectedAnswers() {
            return operations.values().stream()
                    .mapToInt(Operation::expectedCount)
                    .sum();
        }

        List<String> failures(String phase) {
            List<String> failures = new ArrayList<>();
            for (Operation operation : inOrder()) {
                operation.errors.forEach(
                        (what, count) -> failures.add("%s, %s: %d × %s".formatted(phase, operation.name, count, what)));
            }
            if (!failures.isEmpty()) {
                failures.add(phase + ", first errors: " + errorSamples);
            }
            return failures;
        }
    }

    static final class Operation {
        final String group;
        final String name;
        final int order;
        final List<Long> nanos = new ArrayList<>();
        final Map<String, Integer> expected = new TreeMap<>();
        final Map<String, Integer> errors = new TreeMap<>();

        Operation(String group, String name, int order) {
            this.group = group;
            this.name = name;
            this.order = order;
        }

        synchronized void add(long took, @Nullable String expectedAnswer, @Nullable String error) {
            nanos.add(took);
            if (expectedAnswer != null) {
                expected.merge(expectedAnswer, 1, Integer::sum);
            }
            if (error != null) {
                errors.merge(error, 1, Integer::sum);
            }
        }

        synchronized int count() {
            return nanos.size();
        }

        synchronized int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }

        synchronized int expectedCount() {
            return expected.values().stream().mapToInt(Integer::intValue).sum();
        }

        synchronized double millis(double percentile) {
            return MatchingBenchmark.percentileMicros(nanos, percentile) / 1000.0;
        }
    }

    /** Access tokens that are fetched again a minute before they expire, so a long run never sends a stale one. */
    static final class LiveTokens {
        private final Tokens keycloak;
        private final Map<String, String> current = new ConcurrentHashMap<>();

        LiveTokens(Tokens keycloak) {
            this.keycloak = keycloak;
        }

        String of(String user) {
            return current.compute(
                    user,
                    (name, token) ->
                            token != null && expiry(token).isAfter(Instant.now().plusSeconds(60))
                                    ? token
                                    : keycloak.fresh("duijie-web", name));
        }

        private static Instant expiry(String token) {
            byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return Instant.ofEpochSecond(JSON.readTree(new String(payload, StandardCharsets.UTF_8))
                    .get("exp")
                    .asLong());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The backend's memory
    // ---------------------------------------------------------------------------------------------

    /** Samples of the backend process: resident and peak resident memory from /proc, heap and non-heap from the JVM. */
    final class Memory {
        record Sample(String label, double seconds, long rssKiB, long peakRssKiB, double heapMiB, double nonHeapMiB) {}

        private final long startedAt = System.nanoTime();
        private final List<Sample> samples = new CopyOnWriteArrayList<>();
        volatile String phase = "";
        private int tick;
        private double lastHeap;
        private double lastNonHeap;

        /** Every second: /proc; every fifth, and at labelled points, the actuator too (it is a request itself). */
        synchronized void sample(@Nullable String label) {
            try {
                Map<String, Long> status = procStatus();
                if (label != null || tick++ % 5 == 0) {
                    lastHeap = metricMiB("jvm.memory.used", "area:heap");
                    lastNonHeap = metricMiB("jvm.memory.used", "area:nonheap");
                }
                samples.add(new Sample(
                        label != null ? label : phase,
                        (System.nanoTime() - startedAt) / 1e9,
                        status.get("VmRSS"),
                        status.get("VmHWM"),
                        lastHeap,
                        lastNonHeap));
            } catch (Exception unreadable) {
                // a missed sample is reported as missing, not guessed
                System.err.println("memory sample failed: " + unreadable);
            }
        }

        private Map<String, Long> procStatus() throws Exception {
            Map<String, Long> values = new TreeMap<>();
            for (String line : Files.readAllLines(Path.of("/proc/" + backendPid + "/status"))) {
                if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                    values.put(line.substring(0, line.indexOf(':')), Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
            return values;
        }

        double metricMiB(String metric, String tag) {
            Api.Response response = api.get("/actuator/metrics/" + metric + "?tag=" + tag)
                    .as(tokens.of("regulator"))
                    .send();
            if (response.status() != 200) {
                throw new IllegalStateException(metric + ": " + response);
            }
            return response.json().get("measurements").get(0).get("value").asDouble() / 1024 / 1024;
        }

        @Nullable
        Sample labelled(String label) {
            return samples.stream()
                    .filter(s -> s.label().equals(label))
                    .findFirst()
                    .orElse(null);
        }

        @Nullable
        Sample peakDuringLoad(java.util.function.ToDoubleFunction<Sample> of) {
            return samples.stream()
                    .filter(s -> s.label().equals("load"))
                    .max(Comparator.comparingDouble(of))
                    .orElse(null);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Broken data
    // ---------------------------------------------------------------------------------------------

    private long fundReserved() {
        return jdbc.sql("select reserved_fen from risk_fund where id = 1")
                .query(Long.class)
                .single();
    }

    /** What must hold after the run, whatever the timing: every write the API confirmed is there and consistent. */
    private List<String> checkData(long fundReservedBefore) throws Exception {
        List<String> broken = new ArrayList<>();
        expectCount(
                broken,
                "created requests in PostgreSQL",
                createdRequests,
                "select count(*) from financing_request where id = any(:ids)");
        expectCount(
                broken,
                "published requests open or awarded",
                publishedRequests,
                "select count(*) from financing_request where id = any(:ids) and status in ('open', 'awarded')");
        expectCount(broken, "placed bids in PostgreSQL", createdBids, "select count(*) from bid where id = any(:ids)");
        expectCount(broken, "accepted bids accepted, their requests awarded to them", acceptedBids.keySet(), """
                select count(*) from bid b join financing_request r on r.id = b.financing_request_id
                where b.id = any(:ids) and b.status = 'accepted' and r.status = 'awarded' and r.awarded_bid_id = b.id""");
        expectCount(
                broken,
                "opened talent needs open",
                openedNeeds,
                "select count(*) from talent_need where id = any(:ids) and status = 'open'");
        expectCount(
                broken,
                "applications in PostgreSQL",
                createdApplications,
                "select count(*) from talent_application where id = any(:ids)");
        expectZero(broken, "requests with more than one accepted bid", """
                select count(*) from (select financing_request_id from bid where status = 'accepted'
                group by financing_request_id having count(*) > 1) twice""");
        expectZero(broken, "submitted bids left on awarded requests", """
                select count(*) from bid b join financing_request r on r.id = b.financing_request_id
                where r.status = 'awarded' and b.status = 'submitted'""");
        long exposure = acceptedBids.isEmpty()
                ? 0
                : jdbc.sql("select coalesce(sum(fund_exposure_fen), 0) from bid where id = any(:ids)")
                        .param("ids", acceptedBids.keySet().toArray(UUID[]::new))
                        .query(Long.class)
                        .single();
        if (fundReserved() - fundReservedBefore != exposure) {
            broken.add("the risk fund reserved %d fen more, but the accepted bids expose it to %d"
                    .formatted(fundReserved() - fundReservedBefore, exposure));
        }
        // the search index catches up: the outbox drains, and the enterprise's published requests are in the
        // index exactly while they are open
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (jdbc.sql("select count(*) from search_outbox").query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) {
                broken.add("the search outbox did not drain within 60 s of the end");
                return broken;
            }
            Thread.sleep(200);
        }
        elasticsearch.indices().refresh(r -> r.index(indexes.alias(requestDocuments)));
        List<UUID> stillOpen = jdbc.sql("select id from financing_request where id = any(:ids) and status = 'open'")
                .param("ids", publishedRequests.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
        List<UUID> closed =
                publishedRequests.stream().filter(id -> !stillOpen.contains(id)).toList();
        if (indexed(stillOpen) != stillOpen.size()) {
            broken.add("of %d open published requests, %d are in the index"
                    .formatted(stillOpen.size(), indexed(stillOpen)));
        }
        if (indexed(closed) != 0) {
            broken.add("of %d awarded requests, %d are still in the index".formatted(closed.size(), indexed(closed)));
        }
        return broken;
    }

    private long indexed(List<UUID> ids) throws Exception {
        if (ids.isEmpty()) {
            return 0;
        }
        List<FieldValue> values =
                ids.stream().map(id -> FieldValue.of(id.toString())).toList();
        return elasticsearch
                .count(c -> c.index(indexes.alias(requestDocuments))
                        .query(q -> q.terms(t -> t.field("id").terms(v -> v.value(values)))))
                .count();
    }

    private void expectCount(List<String> broken, String what, Set<UUID> ids, String sql) {
        if (ids.isEmpty()) {
            return;
        }
        long found = jdbc.sql(sql)
                .param("ids", ids.toArray(UUID[]::new))
                .query(Long.class)
                .single();
        if (found != ids.size()) {
            broken.add("%s: %d of %d".formatted(what, found, ids.size()));
        }
    }

    private void expectZero(List<String> broken, String what, String sql) {
        long found = jdbc.sql(sql).query(Long.class).single();
        if (found != 0) {
            broken.add(what + ": " + found);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The report
    // ---------------------------------------------------------------------------------------------

    private String report(
            Instant started,
            long[] seedingSeconds,
            Recorder warming,
            Recorder ours,
            double loadSeconds,
            Recorder raw,
            double rawSeconds,
            Memory memory,
            List<String> broken)
            throws Exception {
        StringBuilder mix = new StringBuilder();
        for (Action action : apiMix()) {
            mix.append("| %s | %s | %d %% |%n".formatted(action.group(), action.name(), action.weight()));
        }
        StringBuilder operations = new StringBuilder();
        for (Operation o : ours.inOrder()) {
            operations.append("| %s | %s | %d | %.1f/s | %.1f | %.1f | %.1f | %s | %s |%n"
                    .formatted(
                            o.group,
                            o.name,
                            o.count(),
                            o.count() / loadSeconds,
                            o.millis(0.5),
                            o.millis(0.99),
                            o.millis(1.0),
                            answers(o.expected),
                            answers(o.errors)));
        }
        StringBuilder comparison = new StringBuilder();
        for (Operation r : raw.inOrder()) {
            Operation o = ours.get(r.name);
            if (o == null) {
                continue;
            }
            comparison.append("| %s | %.1f / %.1f ms | %.1f / %.1f ms | %.1f× / %.1f× | %d (%.0f/s) |%n"
                    .formatted(
                            r.name,
                            o.millis(0.5),
                            o.millis(0.99),
                            r.millis(0.5),
                            r.millis(0.99),
                            o.millis(0.5) / Math.max(0.001, r.millis(0.5)),
                            o.millis(0.99) / Math.max(0.001, r.millis(0.99)),
                            r.count(),
                            r.count() / rawSeconds));
        }
        Memory.Sample afterSeeding = memory.labelled("after seeding");
        Memory.Sample afterWarmup = memory.labelled("after warm-up");
        Memory.Sample endOfLoad = memory.labelled("end of the load");
        Memory.Sample end = memory.labelled("end of the run");
        Memory.Sample peakRss = memory.peakDuringLoad(Memory.Sample::rssKiB);
        Memory.Sample peakHeap = memory.peakDuringLoad(Memory.Sample::heapMiB);
        double heapMax = memory.metricMiB("jvm.memory.max", "area:heap");
        int total = ours.total();
        String checks = broken.isEmpty() ? "all held" : "**BROKEN**:\n\n- " + String.join("\n- ", broken);
        return """
                # Load run: a realistic mix against the backend, and the raw work underneath

                Written by `./duijie load` (class `LoadRun`) on %s.
                Machine: %s (shared with other work while it ran: figures are noisy, never a promise).

                The backend under load is its own process (`java -jar backend/target/duijie-backend.jar`, demo
                profile, default JVM settings, its own database, index prefix and port); the driver is another
                JVM on the same machine, over loopback, as are PostgreSQL, Elasticsearch and Keycloak.

                ## Settings

                - **Users**: %d virtual users in a closed loop, %s; each picks an action by weight, makes its
                  requests as a real demo user of the right role (enterprise, bank-a/bank-b, bureau, talent …
                  talent-f) with a real token, refreshed a minute before it expires, then picks again.
                - **Duration**: %.0f s measured, after %d s of the same mix unmeasured (warm-up: %d requests, %d
                  errors); then %.0f s of the raw work with the same number of users.
                - **Data** (seed %d; written in %d s, indexed in %d s): %d loan products of 20 banks (%d each moved to bank-a and
                  bank-b), %d open requests of 200 firms (%d moved to the demo enterprise), %d talent profiles,
                  %d open talent needs; plus the demo data.

                | group | action | share |
                |---|---|---|
                %s
                *post a request* is create then publish; *post a talent need* create then open; *save a profile*
                reads it then saves with `If-Match`; *bid* goes half to the open market, half to the enterprise's
                own requests; *accept a bid* lists the bids on one of those and accepts a submitted one.

                ## Per operation (our backend, %.0f s)

                %d requests, %.1f per second; **%d errors (%.2f %%)**; %d expected business answers (%.2f %%).
                An expected business answer is a 4xx the mix provokes on purpose and the product must give
                (a bank's second bid on a request: 409 duplicate; two users accepting on one request: 409; a
                profile saved by two users at once: 412); an error is anything else that is not the success.

                | group | operation | count | throughput | p50 ms | p99 ms | max ms | expected answers | errors |
                |---|---|---|---|---|---|---|---|---|
                %s
                ## Against the raw work underneath (same number of users, %.0f s, same weights)

                The raw Elasticsearch query each endpoint sends (built as the endpoint builds it, outside the
                timing; the same page size and no `_source`), and for the PostgreSQL side the read of a request by
                id as the repository runs it and the insert of a draft request with its outbox row in one
                transaction. Our figures are from the load above, where all operations compete; the raw ones
                compete only with each other.

                | operation | ours p50 / p99 | raw p50 / p99 | ratio p50 / p99 | raw count (throughput) |
                |---|---|---|---|---|
                %s
                ## The backend's memory

                Resident memory (RSS) and its peak (VmHWM) from `/proc/<pid>/status` every second; heap and
                non-heap in use from `/actuator/metrics/jvm.memory.used` every 5 s. Maximum heap: %.0f MiB.

                | when | RSS | peak RSS so far | heap used | non-heap used |
                |---|---|---|---|---|
                %s%s%s%s%s%s
                ## Data afterwards

                Every request, bid, need and application the API confirmed is in PostgreSQL in the state it
                confirmed; each awarded request has one accepted bid and no submitted ones; the risk fund reserved
                exactly the accepted bids' exposure; the outbox drained and the index holds the enterprise's
                published requests exactly while they are open: %s.
                """.formatted(
                        started.truncatedTo(ChronoUnit.SECONDS),
                        Machine.described(),
                        users,
                        thinkTime.isZero()
                                ? "no think time (each user sends its next request as soon as it has an answer)"
                                : "a think time of " + thinkTime.toMillis() + " ms between actions",
                        duration.toSeconds() * 1.0,
                        warmup.toSeconds(),
                        warming.total(),
                        warming.errors(),
                        rawDuration.toSeconds() * 1.0,
                        seed,
                        seedingSeconds[0],
                        seedingSeconds[1],
                        productCount,
                        PRODUCTS_PER_BANK,
                        requestCount,
                        ENTERPRISE_REQUESTS,
                        talentCount,
                        needCount,
                        mix,
                        loadSeconds,
                        total,
                        total / loadSeconds,
                        ours.errors(),
                        100.0 * ours.errors() / Math.max(1, total),
                        ours.expectedAnswers(),
                        100.0 * ours.expectedAnswers() / Math.max(1, total),
                        operations,
                        rawSeconds,
                        comparison,
                        heapMax,
                        memoryRow("after seeding, before the load", afterSeeding),
                        memoryRow("after the warm-up", afterWarmup),
                        memoryRow("highest RSS during the load", peakRss),
                        memoryRow("highest heap sample during the load", peakHeap),
                        memoryRow("end of the load", endOfLoad),
                        memoryRow("end of the run (after the raw phase)", end),
                        checks);
    }

    private static String answers(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "0";
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((what, count) -> text.append(text.isEmpty() ? "" : ", ")
                .append(count)
                .append(" × ")
                .append(what));
        return text.toString();
    }

    private static String memoryRow(String when, Memory.@Nullable Sample sample) {
        if (sample == null) {
            return "| %s | no sample | | | |%n".formatted(when);
        }
        return "| %s (%.0f s) | %.0f MiB | %.0f MiB | %.0f MiB | %.0f MiB |%n"
                .formatted(
                        when,
                        sample.seconds(),
                        sample.rssKiB() / 1024.0,
                        sample.peakRssKiB() / 1024.0,
                        sample.heapMiB(),
                        sample.nonHeapMiB());
    }
}
