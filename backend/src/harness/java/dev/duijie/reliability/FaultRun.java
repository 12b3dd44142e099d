package dev.duijie.reliability;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.duijie.search.IndexedDocuments;
import dev.duijie.search.SearchIndexes;
import dev.duijie.support.Api;
import dev.duijie.support.BackendProcess;
import dev.duijie.support.Machine;
import dev.duijie.support.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The fault run: run by {@code ./duijie reliability} (and its quick form at the end of {@code ./duijie test}),
 * never by the normal test run. It starts the packaged backend as a child process against a PostgreSQL,
 * Elasticsearch and Keycloak of the run's own, drives a write load against it with real tokens
 * ({@link WriteLoad}), and injects one fault per scenario: Elasticsearch SIGKILLed, PostgreSQL crashed and
 * restarted, Keycloak stopped, the backend SIGKILLed. After each it checks {@link Invariants} in PostgreSQL and
 * Elasticsearch and writes the figures to a report (docs/benchmarks/reliability.md). Any broken invariant fails
 * the run. This JVM's own Spring context is only the checker's toolbox (JDBC, the index documents); its
 * scheduled jobs are parked so that everything the checks see was done by the child backend.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"duijie.search.indexer-interval=1000d", "duijie.financing.expiry-interval=1000d"})
@ActiveProfiles("demo")
class FaultRun {

    /** The child backend re-reads Keycloak's keys this often, so a Keycloak outage outlasts its key cache many times. */
    private static final String SIGNING_KEYS_CACHE = "5s";
    /** A request slower than this while Keycloak is down counts as hanging. */
    private static final Duration HANGING = Duration.ofSeconds(10);

    private static final Duration CONVERGENCE_LIMIT = Duration.ofSeconds(240);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    SearchIndexes indexes;

    @Autowired
    List<IndexedDocuments> documentKinds;

    @Value("${duijie.security.issuer-uri}")
    String issuerUri;

    @Value("${duijie.faults.quick:false}")
    boolean quick;

    @Value("${duijie.faults.report:target/reliability.md}")
    Path report;

    @Value("${duijie.faults.script:../duijie}")
    Path script;

    @Value("${duijie.faults.backend-pid-file:target/reliability/backend.pid}")
    Path backendPidFile;

    @Value("${duijie.faults.log-dir:target/reliability}")
    Path logDir;

    private BackendProcess backend;
    private Api api;
    private Invariants invariants;
    private final List<Scenario> scenarios = new ArrayList<>();

    /** The durations of one run: quick (CI) or full (the report). */
    private record Pace(
            int workers,
            Duration warmUp,
            Duration esOutage,
            Duration pgOutage,
            Duration kcOutage,
            Duration backendOutage,
            Duration afterwards) {}

    @Test
    void run() throws Exception {
        Pace pace = quick
                ? new Pace(3, seconds(5), seconds(15), seconds(5), seconds(20), seconds(2), seconds(5))
                : new Pace(4, seconds(20), seconds(60), seconds(20), seconds(90), seconds(10), seconds(20));
        invariants = new Invariants(jdbc, elasticsearch, indexes, documentKinds);
        backend = new BackendProcess(
                Path.of("target/duijie-backend.jar"),
                List.of(
                        "--duijie.security.signing-keys-cache=" + SIGNING_KEYS_CACHE,
                        // a few demo users write far past a county's per-user budget: the faults, not the limits, are
                        // under test
                        "--duijie.rate-limit.general.per-second=100000",
                        "--duijie.rate-limit.general.burst=1000000",
                        "--duijie.rate-limit.expensive.per-second=100000",
                        "--duijie.rate-limit.expensive.burst=1000000"),
                logDir.resolve("backend-child.log"),
                backendPidFile);
        try {
            backend.start();
            api = new Api(backend.baseUrl());
            elasticsearchKilled(pace);
            postgresCrashed(pace);
            keycloakStopped(pace);
            backendKilled(pace);
        } finally {
            backend.close();
            writeReport(pace);
        }
        List<String> broken = scenarios.stream()
                .flatMap(s -> s.broken.stream().map(b -> s.name + ": " + b))
                .toList();
        if (!broken.isEmpty()) {
            throw new AssertionError("invariants broken under faults:\n  " + String.join("\n  ", broken));
        }
    }

    // -------------------------------------------------------------------------------------------------
    // Scenarios
    // -------------------------------------------------------------------------------------------------

    private void elasticsearchKilled(Pace pace) throws Exception {
        Scenario scenario = new Scenario("Elasticsearch killed (SIGKILL) mid-load");
        Tokens tokens = new Tokens(issuerUri);
        try (WriteLoad load = new WriteLoad(api, tokens, pace.workers(), "es")) {
            load.start();
            Thread.sleep(pace.warmUp());
            String openRequest = anyOpenRequest();
            scenario.faultAt = Instant.now();
            service("kill", "elasticsearch");
            Map<String, Integer> probes = new TreeMap<>();
            Instant until = Instant.now().plus(pace.esOutage());
            while (Instant.now().isBefore(until)) {
                for (String[] probe : List.of(
                        new String[] {"/financing-requests/" + openRequest + "/matches/loan-products", "enterprise"},
                        new String[] {"/open-financing-requests?q=腊肉", "bank-a"},
                        new String[] {"/talent-profiles/me/matches/talent-needs", "talent"})) {
                    Api.Response answer =
                            api.get(probe[0]).as(tokens.of(probe[1])).send();
                    boolean problem503 =
                            answer.status() == 503 && answer.contentType().startsWith("application/problem+json");
                    probes.merge(
                            problem503 ? "503 problem+json" : answer.status() + " " + answer.contentType(),
                            1,
                            Integer::sum);
                }
                Thread.sleep(300);
            }
            scenario.recoveryStartedAt = Instant.now();
            service("start", "elasticsearch");
            scenario.recoveredAt = Instant.now();
            Thread.sleep(pace.afterwards());
            load.stop();
            scenario.probes = probes;
            scenario.measure(load, invariants);
            probes.forEach((answer, count) -> scenario.require(
                    answer.equals("503 problem+json"),
                    count + " match/search answers while Elasticsearch was down were " + answer));
            scenario.require(
                    probes.getOrDefault("503 problem+json", 0) > 0,
                    "no match/search answer while Elasticsearch was down");
            scenario.require(scenario.notFirstTime == 0, scenario.notFirstTime + " writes did not answer 2xx at once");
        }
        scenarios.add(scenario);
        scenario.convergence = converge(scenario);
    }

    private void postgresCrashed(Pace pace) throws Exception {
        Scenario scenario = new Scenario("PostgreSQL crashed (immediate shutdown) and restarted mid-load");
        long pid = backend.pid();
        try (WriteLoad load = new WriteLoad(api, new Tokens(issuerUri), pace.workers(), "pg")) {
            load.start();
            Thread.sleep(pace.warmUp());
            scenario.faultAt = Instant.now();
            service("kill", "postgresql");
            Thread.sleep(pace.pgOutage());
            scenario.recoveryStartedAt = Instant.now();
            service("start", "postgresql");
            scenario.recoveredAt = Instant.now();
            Thread.sleep(pace.afterwards());
            load.stop();
            scenario.measure(load, invariants);
            scenario.require(scenario.failedAttempts > 0, "no write attempt failed: the crash did not hit the load");
            scenario.require(scenario.acknowledged == scenario.writes, "not every write succeeded in the end");
            scenario.require(
                    backend.pid() == pid
                            && api.get("/actuator/health/readiness").send().status() == 200,
                    "the backend did not recover by itself");
        }
        scenarios.add(scenario);
        scenario.convergence = converge(scenario);
    }

    private void keycloakStopped(Pace pace) throws Exception {
        Scenario scenario = new Scenario("Keycloak stopped mid-load (tokens issued before)");
        Tokens tokens = new Tokens(issuerUri);
        try (WriteLoad load = new WriteLoad(api, tokens, pace.workers(), "kc")) {
            load.start();
            Thread.sleep(pace.warmUp());
            scenario.faultAt = Instant.now();
            service("stop", "keycloak");
            Thread.sleep(pace.kcOutage());
            scenario.recoveryStartedAt = Instant.now();
            service("start", "keycloak");
            scenario.recoveredAt = Instant.now();
            Thread.sleep(pace.afterwards());
            load.stop();
            scenario.measure(load, invariants);
            scenario.require(scenario.notFirstTime == 0, scenario.notFirstTime + " writes did not answer 2xx at once");
            scenario.require(
                    scenario.slowestDuringFault.compareTo(HANGING) < 0,
                    "a request took " + scenario.slowestDuringFault.toMillis() + " ms while Keycloak was down");
            Api.Response withNewToken = api.get("/financing-requests")
                    .as(new Tokens(issuerUri).of("enterprise"))
                    .send();
            scenario.require(
                    withNewToken.status() == 200, "a token issued after the restart was refused: " + withNewToken);
        }
        scenarios.add(scenario);
        scenario.convergence = converge(scenario);
    }

    private void backendKilled(Pace pace) throws Exception {
        Scenario scenario = new Scenario("Backend killed (SIGKILL) mid-load and restarted");
        try (WriteLoad load = new WriteLoad(api, new Tokens(issuerUri), pace.workers(), "be")) {
            load.start();
            Thread.sleep(pace.warmUp());
            scenario.faultAt = Instant.now();
            backend.kill();
            Thread.sleep(pace.backendOutage());
            scenario.recoveryStartedAt = Instant.now();
            backend.start();
            scenario.recoveredAt = Instant.now();
            Thread.sleep(pace.afterwards());
            load.stop();
            scenario.measure(load, invariants);
            scenario.require(scenario.failedAttempts > 0, "no write attempt failed: the kill did not hit the load");
            scenario.require(scenario.acknowledged == scenario.writes, "not every write succeeded in the end");
        }
        scenarios.add(scenario);
        scenario.convergence = converge(scenario);
    }

    // -------------------------------------------------------------------------------------------------
    // Helpers
    // -------------------------------------------------------------------------------------------------

    /** Waits until every index equals PostgreSQL; how long that took after the load stopped. */
    private Duration converge(Scenario scenario) throws Exception {
        Instant from = Instant.now();
        List<String> differences = invariants.indexDifferences();
        while (!differences.isEmpty() && Instant.now().isBefore(from.plus(CONVERGENCE_LIMIT))) {
            Thread.sleep(500);
            differences = invariants.indexDifferences();
        }
        Duration took = Duration.between(from, Instant.now());
        scenario.indexed = invariants.indexedDocuments();
        if (!differences.isEmpty()) {
            scenario.broken.add("the index did not converge to PostgreSQL within " + CONVERGENCE_LIMIT.toSeconds()
                    + " s: " + differences.size() + " differences, e.g. "
                    + differences.subList(0, Math.min(5, differences.size())));
        }
        return took;
    }

    private String anyOpenRequest() {
        return jdbc.sql("select id from financing_request where status = 'open' limit 1")
                .query(UUID.class)
                .single()
                .toString();
    }

    /** {@code ./duijie service <action> <name>} in the fault run's environment (inherited from the script). */
    private void service(String action, String name) throws Exception {
        Path log = logDir.resolve("service.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(script.toString(), "service", action, name)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("./duijie service " + action + " " + name + " did not finish; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("./duijie service " + action + " " + name + " failed; see " + log);
        }
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    /** One scenario's figures and the invariants it broke. */
    private static final class Scenario {
        final String name;
        final List<String> broken = new ArrayList<>();
        Instant faultAt;
        Instant recoveryStartedAt;
        Instant recoveredAt;
        Duration loadTime = Duration.ZERO;
        double rate;
        int writes;
        int attempts;
        int acknowledged;
        int notFirstTime;
        int failedAttempts;
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> probes = Map.of();
        Invariants.Stored stored;
        Duration slowestDuringFault = Duration.ZERO;
        Duration firstSuccessAfterRecovery;
        Duration convergence;
        long indexed;

        Scenario(String name) {
            this.name = name;
        }

        void require(boolean holds, String otherwise) {
            if (!holds) {
                broken.add(otherwise);
            }
        }

        void measure(WriteLoad load, Invariants invariants) {
            List<WriteLoad.Write> all = load.writes();
            rate = load.writesPerSecond();
            writes = all.size();
            acknowledged =
                    (int) all.stream().filter(WriteLoad.Write::acknowledged).count();
            notFirstTime = (int) all.stream().filter(w -> !w.firstTime()).count();
            Instant firstSuccess = null;
            for (WriteLoad.Write write : all) {
                for (WriteLoad.Attempt attempt : write.attempts()) {
                    attempts++;
                    statuses.merge(
                            attempt.status() == 0 ? "no answer" : String.valueOf(attempt.status()), 1, Integer::sum);
                    if (attempt.status() == 0 || attempt.status() >= 500) {
                        failedAttempts++;
                    }
                    Instant end = attempt.at().plusMillis(attempt.millis());
                    if (!attempt.at().isBefore(faultAt)
                            && attempt.at().isBefore(recoveryStartedAt)
                            && attempt.millis() > slowestDuringFault.toMillis()) {
                        slowestDuringFault = Duration.ofMillis(attempt.millis());
                    }
                    if (attempt.status() / 100 == 2
                            && !end.isBefore(recoveredAt)
                            && (firstSuccess == null || end.isBefore(firstSuccess))) {
                        firstSuccess = end;
                    }
                }
            }
            // an outage is something to retry (503, or no answer while the backend is down), never a 500
            require(!statuses.containsKey("500"), statuses.get("500") + " answers were 500 during the fault");
            firstSuccessAfterRecovery = firstSuccess == null ? null : Duration.between(recoveredAt, firstSuccess);
            load.unexpected().forEach(answer -> broken.add("a write ended without success: " + answer));
            stored = invariants.stored(all);
            stored.problems().forEach(broken::add);
        }
    }

    // -------------------------------------------------------------------------------------------------
    // Report
    // -------------------------------------------------------------------------------------------------

    private void writeReport(Pace pace) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (Scenario s : scenarios) {
            rows.append("""

                    ### %s

                    | | |
                    |---|---|
                    | load | %d clients, %.1f writes/s over the scenario (each write one creating POST or state change) |
                    | fault | after %d s of load; outage %.1f s (fault to the service answering again) |
                    | writes / HTTP attempts | %d / %d |
                    | attempts by status | %s |
                    | writes acknowledged (2xx) in the end | %d of %d (%d needed a retry) |
                    | stored exactly once / lost / duplicated / half-applied | %d / **%d** / **%d** / **%d** |
                    | match and search answers while down | %s |
                    | slowest request while the fault lasted | %d ms |
                    | first 2xx write after the service answered again | %s |
                    | index equal to PostgreSQL (documents, all indices) | %.1f s after the load stopped (%d documents) |
                    | invariants | %s |
                    """.formatted(
                    s.name,
                    pace.workers(),
                    s.rate,
                    pace.warmUp().toSeconds(),
                    Duration.between(s.faultAt, s.recoveredAt).toMillis() / 1000.0,
                    s.writes,
                    s.attempts,
                    s.statuses,
                    s.acknowledged,
                    s.writes,
                    s.notFirstTime,
                    s.stored.storedOnce(),
                    s.stored.lost(),
                    s.stored.duplicated(),
                    s.stored.halfApplied(),
                    s.probes.isEmpty() ? "(not probed)" : s.probes.toString(),
                    s.slowestDuringFault.toMillis(),
                    s.firstSuccessAfterRecovery == null ? "none" : s.firstSuccessAfterRecovery.toMillis() + " ms",
                    s.convergence == null ? Double.NaN : s.convergence.toMillis() / 1000.0,
                    s.indexed,
                    s.broken.isEmpty() ? "all hold" : "**BROKEN**: " + String.join("; ", s.broken)));
        }
        String text = """
                # Reliability under faults

                Written by `./duijie reliability%s` (class `FaultRun`) on %s.
                Machine: %s

                Every server is a real process on loopback, all of them the run's own (PostgreSQL cluster made with
                initdb, Elasticsearch, Keycloak, and the packaged backend as a child process), so each can be killed
                and restarted. The load: each client repeats a chain as real users do, with real Keycloak tokens: an
                enterprise creates and publishes a financing request, bank A bids on it, bank A creates and activates
                a loan product, the enterprise creates and opens a talent need, a talent applies. Every creating POST
                carries an Idempotency-Key, and on no answer, a 5xx or a 429 the client sends it again with the same
                key (a state change with the same If-Match; refused as stale, it reads the resource to see whether
                its earlier attempt was applied), every 250 ms.

                After each scenario the checks read PostgreSQL and Elasticsearch themselves: every acknowledged
                creation is stored exactly once under the id its answer named, with its Idempotency-Key row; nothing
                unacknowledged is stored twice; every stored resource has exactly one audit event per version (no
                change without its record, none recorded twice); every acknowledged state change is in the
                resource's status; and every index holds exactly the documents PostgreSQL says it should, at their
                PostgreSQL versions and with equal content, and nothing else. The run fails if any does not hold.
                Times are wall-clock on a shared 2-core machine: they show orders of magnitude, not limits.
                %s""".formatted(
                quick ? " --quick" : "", Instant.now().truncatedTo(ChronoUnit.SECONDS), Machine.described(), rows);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, text);
    }
}
