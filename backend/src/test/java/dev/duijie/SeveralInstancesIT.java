package dev.duijie;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.IndexingStats;
import dev.duijie.financing.FinancingRequestDocuments;
import dev.duijie.search.SearchIndexes;
import dev.duijie.search.SearchOutbox;
import dev.duijie.support.Api;
import dev.duijie.support.Api.Response;
import dev.duijie.support.Eventually;
import dev.duijie.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two backend instances against one PostgreSQL database and one search index, as behind a load balancer:
 * the test's own and a second one started here. Their scheduled jobs run at the same time and coordinate
 * only through PostgreSQL row locks, so nothing is done twice: every due request is expired once, and
 * every outbox row is indexed by exactly one instance. And a caller's request budget is one across
 * instances: requests spread over two of them are refused once their one shared budget is spent.
 */
class SeveralInstancesIT extends IntegrationTest {

    private static final String CREATED_BY = "several-instances-test";
    /**
     * The second instance's general budget, and a third's started for the rate-limit test: 6 requests, then one
     * every 100 s (none during the test). The test's own instance has the suite's generous budgets instead; a
     * budget is part of its buckets' key, so the instances that share one caller's bucket are those two.
     */
    private static final int SMALL_BURST = 6;

    private static final String[] SMALL_BUDGET = {
        "--duijie.rate-limit.general.burst=" + SMALL_BURST, "--duijie.rate-limit.general.per-second=0.01"
    };

    private static ConfigurableApplicationContext second;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SearchOutbox outbox;

    @Autowired
    SearchIndexes indexes;

    @Autowired
    FinancingRequestDocuments requestDocuments;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void startASecondInstance() {
        second = startAnotherInstance();
    }

    /** Same database, index prefix and Keycloak (from the environment), its own port, the same job intervals. */
    private static ConfigurableApplicationContext startAnotherInstance() {
        return new SpringApplicationBuilder(DuijieApplication.class)
                .profiles("demo")
                // as command-line arguments: they outrank application.yaml, default properties do not
                .run(Stream.concat(
                                Stream.of(
                                        "--server.port=0",
                                        "--duijie.financing.expiry-interval=500ms",
                                        "--duijie.matching.response-times-refresh=0s",
                                        "--spring.main.banner-mode=off"),
                                Stream.of(SMALL_BUDGET))
                        .toArray(String[]::new));
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void givenRequestsPastTheirDeadline_whenBothInstancesRunTheExpiryJob_thenEachIsExpiredOnce() {
        List<UUID> due = insertOpenRequests(300, "now() - interval '1 minute'");

        waitUntil(
                () -> count("select count(*) from financing_request where id in (:ids) and status = 'expired'", due)
                        == due.size(),
                "every due request expired");

        assertThat(count("""
                select count(*) from audit_event
                where entity_id in (:ids) and action = 'financing-request.expired'""", due)).as("expiry audit events, one per request").isEqualTo(due.size());
        assertThat(count("select count(*) from financing_request where id in (:ids) and version = 2", due))
                .as("requests changed exactly once after their insert")
                .isEqualTo(due.size());
    }

    @Test
    void givenChangesInTheOutbox_whenBothInstancesDrainIt_thenEachRowIsIndexedByExactlyOneInstance() throws Exception {
        // nothing else may feed the outbox meanwhile: requests of other tests past (or just before) their
        // deadline are expired first, and the outbox is empty
        waitUntil(
                () -> count(
                                "select count(*) from financing_request where status = 'open' and bid_deadline < now() + interval '30 seconds'",
                                List.of())
                        == 0,
                "no request falling due during the test");
        waitUntil(() -> count("select count(*) from search_outbox", List.of()) == 0, "an empty outbox to start from");
        double firstBefore = indexedBy(meters);
        double secondBefore = indexedBy(second.getBean(MeterRegistry.class));
        long attemptsBefore = indexAttempts();

        int rows = 2000;
        List<UUID> ids = transactions.execute(status -> {
            List<UUID> inserted = insertOpenRequests(rows, "now() + interval '30 days'");
            outbox.changedAll(requestDocuments, inserted);
            return inserted;
        });
        waitUntil(() -> count("select count(*) from search_outbox", List.of()) == 0, "the outbox drained");
        elasticsearch.indices().refresh(r -> r.index(indexes.alias(requestDocuments)));

        double byFirst = indexedBy(meters) - firstBefore;
        double bySecond = indexedBy(second.getBean(MeterRegistry.class)) - secondBefore;
        assertThat(byFirst + bySecond)
                .as("outbox rows indexed by the two instances together")
                .isEqualTo(rows);
        assertThat(byFirst).as("rows indexed by this instance").isPositive();
        assertThat(bySecond).as("rows indexed by the second instance").isPositive();
        assertThat(indexAttempts() - attemptsBefore)
                .as("index operations Elasticsearch received")
                .isEqualTo(rows);
        long searchable = elasticsearch
                .count(c -> c.index(indexes.alias(requestDocuments))
                        .query(q -> q.ids(
                                i -> i.values(ids.stream().map(UUID::toString).toList()))))
                .count();
        assertThat(searchable).isEqualTo(rows);
    }

    @Test
    void givenOneCallersRequestsSpreadOverTwoInstances_whenTheirSharedBudgetIsSpent_thenBothRefuse() {
        // started here and closed at once, so the job tests above see two instances only
        try (ConfigurableApplicationContext third = startAnotherInstance()) {
            List<Api> instances = List.of(apiOf(second), apiOf(third));
            String caller = token("bank-a");
            List<Response> answers = new ArrayList<>();
            for (int i = 0; i < 2 * SMALL_BURST + 2; i++) {
                answers.add(instances
                        .get(i % 2)
                        .get("/organizations/me")
                        .as(caller)
                        .send()); // in turn, as a load balancer would
            }

            assertThat(answers)
                    .extracting(Response::status)
                    .as(
                            "one budget of %d for the two instances together " + "(each its own would admit %d)",
                            SMALL_BURST, 2 * SMALL_BURST)
                    .containsExactlyElementsOf(Stream.concat(
                                    Stream.generate(() -> 200).limit(SMALL_BURST),
                                    Stream.generate(() -> 429).limit(SMALL_BURST + 2))
                            .toList());
            assertThat(answers.subList(0, SMALL_BURST))
                    .extracting(answer -> answer.header("RateLimit").orElseThrow())
                    .as("requests left, counted down across both instances")
                    .containsExactly(
                            "\"general\";r=5;t=100",
                            "\"general\";r=4;t=200",
                            "\"general\";r=3;t=300",
                            "\"general\";r=2;t=400",
                            "\"general\";r=1;t=500",
                            "\"general\";r=0;t=600");
            Response refusedBySecond = answers.get(SMALL_BURST);
            Response refusedByThird = answers.get(SMALL_BURST + 1);
            for (Response refused : List.of(refusedBySecond, refusedByThird)) {
                assertThat(refused.json().get("type").asString())
                        .isEqualTo("https://duijie.example.cn/problems/too-many-requests");
                assertThat(refused.header("Retry-After"))
                        .hasValueSatisfying(
                                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 100L));
            }
        }
    }

    private static Api apiOf(ConfigurableApplicationContext instance) {
        return new Api("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port"));
    }

    /** Open requests of the demo enterprise written straight to PostgreSQL, in one statement. */
    private List<UUID> insertOpenRequests(int count, String bidDeadline) {
        return jdbc.sql("""
                insert into financing_request (id, organization_id, status, title, purpose, amount_fen, term_months,
                    industry, region, collateral_offered, guarantee_wanted, max_annual_rate_bp, bid_deadline,
                    published_at, created_at, updated_at, created_by)
                select gen_random_uuid(), :organization, 'open', '两个实例 ' || g, '并发', 100000000, 12, 'cured-pork',
                       'donghe', '{}', false, 500, %s, now() - interval '1 day', now() - interval '1 day', now(), :createdBy
                from generate_series(1, :count) g
                returning id""".formatted(bidDeadline))
                .param("organization", ENTERPRISE_ORG)
                .param("count", count)
                .param("createdBy", CREATED_BY)
                .query(UUID.class)
                .list();
    }

    private long count(String sql, List<UUID> ids) {
        var statement = jdbc.sql(sql);
        if (!ids.isEmpty()) {
            statement = statement.param("ids", ids);
        }
        return statement.query(Long.class).single();
    }

    private static double indexedBy(MeterRegistry registry) {
        return registry.get("duijie.search.outbox.indexed").counter().count();
    }

    /** Index operations the requests' index received, taken or refused (a version conflict is refused). */
    private long indexAttempts() throws Exception {
        IndexingStats indexing = elasticsearch
                .indices()
                .stats(s -> s.index(indexes.alias(requestDocuments)).metric("indexing"))
                .all()
                .primaries()
                .indexing();
        return indexing.indexTotal() + indexing.indexFailed();
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        Eventually.until(what, Duration.ofSeconds(60), condition);
    }
}
