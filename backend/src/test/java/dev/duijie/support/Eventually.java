package dev.duijie.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what the backend does a moment after it answers: Elasticsearch showing a change once the outbox
 * indexer and the index refresh have run, a scheduled job expiring a request. Asks again every 200 ms; gives
 * up with an {@link AssertionError} that says what it waited for, how long, and what it saw last.
 */
public final class Eventually {

    /** Long enough for the outbox (every 200 ms) and an index refresh (every 1 s) many times over on a busy machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(15);

    private static final Duration PAUSE = Duration.ofMillis(200);

    private Eventually() {}

    /** Asks {@code probe} until {@code done} accepts its answer, for up to {@link #PATIENCE}; returns that answer. */
    public static <T> T until(String what, Supplier<T> probe, Predicate<? super T> done) {
        return until(what, PATIENCE, probe, done);
    }

    /** Asks {@code probe} until {@code done} accepts its answer, for up to {@code timeout}; returns that answer. */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        Instant giveUp = Instant.now().plus(timeout);
        while (true) {
            T answer = probe.get();
            if (done.test(answer)) {
                return answer;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("gave up after %d s waiting for %s; last seen: %s"
                        .formatted(timeout.toSeconds(), what, shortened(String.valueOf(answer))));
            }
            pause(what);
        }
    }

    /** Waits until {@code condition} holds, for up to {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition::getAsBoolean, held -> held);
    }

    private static String shortened(String seen) {
        return seen.length() <= 2000 ? seen : seen.substring(0, 2000) + " …";
    }

    private static void pause(String what) {
        try {
            Thread.sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }
}
