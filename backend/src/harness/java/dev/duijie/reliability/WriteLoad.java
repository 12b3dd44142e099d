package dev.duijie.reliability;

import static dev.duijie.support.Requests.bid;
import static dev.duijie.support.Requests.financingDraft;
import static dev.duijie.support.Requests.loanProduct;
import static dev.duijie.support.Requests.publication;
import static dev.duijie.support.Requests.split;
import static dev.duijie.support.Requests.talentNeed;

import dev.duijie.support.Api;
import dev.duijie.support.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A write load as real clients make it: each worker repeats a chain (an enterprise creates and publishes a
 * financing request, a bank bids on it, the bank creates and activates a loan product, the enterprise creates
 * and opens a talent need, a talent applies) with real tokens. Every creating POST carries an Idempotency-Key;
 * on a connection error, a timeout or a 5xx the client sends the same request again with the same key (a state
 * change with the same If-Match) until it gets an answer, as a client that does not know whether its request was
 * applied must. Every attempt is recorded, so the faults can be checked against what clients saw.
 */
final class WriteLoad implements AutoCloseable {

    /** A client gives up on one write after this long (never reached in a passing run). */
    private static final Duration GIVE_UP = Duration.ofSeconds(240);

    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

    /** One HTTP attempt: when, how long, and the status (0: no answer, e.g. connection refused or reset). */
    record Attempt(Instant at, long millis, int status) {}

    /**
     * One write as the client saw it.
     *
     * @param kind      e.g. {@code create-financing-request}
     * @param table     where a created resource is stored (null for a state change)
     * @param tag       the unique text the created resource carries (its title, name, conditions or cover letter)
     * @param key       the Idempotency-Key (null for a state change)
     * @param resource  the id the answer named, or the id a state change was about
     */
    record Write(
            String kind,
            @Nullable String table,
            @Nullable String tag,
            @Nullable String key,
            @Nullable String resource,
            List<Attempt> attempts) {

        int finalStatus() {
            return attempts.getLast().status();
        }

        boolean acknowledged() {
            return finalStatus() / 100 == 2;
        }

        /** Answered 2xx at the first attempt. */
        boolean firstTime() {
            return attempts.getFirst().status() / 100 == 2;
        }
    }

    private final Api api;
    private final Tokens tokens;
    private final int workers;
    private final String runTag;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final List<Future<?>> running = new ArrayList<>();
    private ExecutorService pool;
    private Instant startedAt;
    private Instant stoppedAt;

    WriteLoad(Api api, Tokens tokens, int workers, String runTag) {
        this.api = api;
        this.tokens = tokens;
        this.workers = workers;
        this.runTag = runTag;
    }

    void start() {
        startedAt = Instant.now();
        pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            running.add(pool.submit(() -> {
                while (!stopping.get()) {
                    chain();
                }
            }));
        }
    }

    /** Lets every worker finish its chain (so no write is abandoned mid-retry), then returns. */
    void stop() throws Exception {
        stopping.set(true);
        for (Future<?> worker : running) {
            worker.get();
        }
        stoppedAt = Instant.now();
        pool.close();
    }

    @Override
    public void close() {
        stopping.set(true);
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }

    /** Answers that are neither success nor a retryable failure (a 4xx the chain did not expect). */
    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    double writesPerSecond() {
        return writes.size()
                / Math.max(0.001, Duration.between(startedAt, stoppedAt).toMillis() / 1000.0);
    }

    private void chain() {
        String enterprise = tokens.of("enterprise");
        String bank = tokens.of("bank-a");
        String talent = tokens.of("talent");

        String requestTag = tag("融资");
        Write request = create(
                "create-financing-request",
                "financing_request",
                requestTag,
                "/financing-requests",
                financingDraft(requestTag),
                enterprise);
        if (request == null) {
            return;
        }
        if (change("publish-financing-request", request, "/publish", publication(14), enterprise, "open") == null) {
            return;
        }
        String bidTag = tag("报价");
        Map<String, Object> bid = bid(450);
        bid.put("conditions", bidTag);
        bid.put("riskSplit", split(10000, 0, 0));
        create("submit-bid", "bid", bidTag, "/financing-requests/" + request.resource() + "/bids", bid, bank);

        String productTag = tag("贷款产品");
        Write product = create(
                "create-loan-product", "loan_product", productTag, "/loan-products", loanProduct(productTag), bank);
        if (product != null) {
            change("activate-loan-product", product, "/status", Map.of("status", "active"), bank, "active");
        }

        String needTag = tag("人才需求");
        Map<String, Object> needDraft = talentNeed(5);
        needDraft.put("title", needTag);
        Write need = create("create-talent-need", "talent_need", needTag, "/talent-needs", needDraft, enterprise);
        if (need == null
                || change("open-talent-need", need, "/status", Map.of("status", "open"), enterprise, "open") == null) {
            return;
        }
        String applicationTag = tag("申请");
        create(
                "apply",
                "talent_application",
                applicationTag,
                "/talent-needs/" + need.resource() + "/applications",
                Map.of("coverLetter", applicationTag),
                talent);
    }

    private String tag(String what) {
        return "故障演练 " + what + " " + runTag + "-" + UUID.randomUUID();
    }

    /** A creating POST with an Idempotency-Key; the written resource's id, or null when it was not created. */
    private @Nullable Write create(
            String kind, String table, String tag, String path, Map<String, Object> body, String token) {
        String key = UUID.randomUUID().toString();
        Sent sent = retried(() -> api.post(path, body).as(token).header("Idempotency-Key", key));
        String id = sent.status() == 201 ? sent.last().json().get("id").asString() : null;
        Write write = new Write(kind, table, tag, key, id, sent.attempts());
        record(write, sent.last());
        return id == null ? null : write;
    }

    /**
     * A state change (publish, activate, open) with the If-Match of the created version. If a retry is refused
     * because the version moved on, the client reads the resource: in the target state means its earlier attempt
     * was applied.
     */
    private @Nullable Write change(
            String kind, Write created, String suffix, Map<String, Object> body, String token, String targetStatus) {
        String path = resourcePath(created);
        Sent sent = retried(() -> api.post(path + suffix, body).as(token).header("If-Match", "\"1\""));
        List<Attempt> attempts = sent.attempts();
        Api.Response last = sent.last();
        if ((sent.status() == 412 || sent.status() == 409) && attempts.size() > 1) {
            Api.Response current = api.get(path).as(token).send();
            if (current.status() == 200
                    && targetStatus.equals(current.json().get("status").asString())) {
                attempts = new ArrayList<>(attempts);
                attempts.add(new Attempt(Instant.now(), 0, 200)); // the read that showed the change applied
                last = current;
            }
        }
        Write write = new Write(kind, null, null, null, created.resource(), attempts);
        record(write, last);
        return write.acknowledged() ? write : null;
    }

    private static String resourcePath(Write created) {
        return switch (created.kind()) {
            case "create-financing-request" -> "/financing-requests/" + created.resource();
            case "create-loan-product" -> "/loan-products/" + created.resource();
            case "create-talent-need" -> "/talent-needs/" + created.resource();
            default -> throw new IllegalArgumentException(created.kind());
        };
    }

    /** Every attempt of one write and the last answer (null: none). */
    private record Sent(List<Attempt> attempts, Api.@Nullable Response last) {

        int status() {
            return attempts.getLast().status();
        }
    }

    /** Sends until an answer below 500 (other than 429), or gives up; every attempt recorded. */
    private Sent retried(Supplier<Api.Call> call) {
        List<Attempt> attempts = new ArrayList<>();
        Instant giveUp = Instant.now().plus(GIVE_UP);
        while (true) {
            Instant at = Instant.now();
            long started = System.nanoTime();
            Api.Response response = null;
            try {
                response = call.get().send();
            } catch (IllegalStateException noAnswer) {
                // connection refused or reset, or no answer within the client's timeout
            }
            attempts.add(new Attempt(
                    at, (System.nanoTime() - started) / 1_000_000, response == null ? 0 : response.status()));
            boolean retry = response == null || response.status() >= 500 || response.status() == 429;
            if (!retry || Instant.now().isAfter(giveUp)) {
                return new Sent(attempts, response);
            }
            try {
                Thread.sleep(RETRY_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void record(Write write, Api.@Nullable Response last) {
        writes.add(write);
        if (!write.acknowledged()) {
            unexpected.add(write.kind() + " answered " + (last == null ? "nothing" : last.toString()));
        }
    }
}
