package dev.duijie.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.duijie.ratelimit.RateLimitProperties.Budget;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each caller's token buckets (Bucket4j): one per authenticated user (token subject) and one per client address
 * (callers without a valid token), for each {@link Policy}.
 *
 * <p>With a shared store (PostgreSQL) every instance charges the same bucket, so a caller has one budget however
 * many instances serve it. Without one, the buckets are in this instance's memory, bounded: at most
 * {@code maxBuckets} of users and, separately, {@code maxBuckets} of addresses, so a flood of new addresses
 * neither grows memory nor pushes out users' buckets; a bucket idle long enough to be full again is dropped,
 * which loses nothing (a new bucket starts full).
 *
 * <p>While the shared store cannot be reached the limiter fails open to this instance's memory: requests are
 * still counted and limited, per instance, one warning says so, and the shared store is tried again every
 * {@link #RETRY_SHARED}, by one request at a time, so an outage turns no request into a 500 and does not make
 * each of them wait for a database connection first.
 */
final class CallerBudgets {

    static final Duration RETRY_SHARED = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(CallerBudgets.class);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** {@link #sharedPausedUntil} while the shared store answers. */
    private static final long SHARED_ANSWERS = Long.MIN_VALUE;

    private final RateLimitProperties properties;
    private final @Nullable ProxyManager<String> shared;
    private final TimeMeter clock;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> addresses;
    /** Until when (on {@link #clock}) requests are counted here instead of in the shared store. */
    private final AtomicLong sharedPausedUntil = new AtomicLong(SHARED_ANSWERS);

    /**
     * @param shared the store every instance uses, or null to count in this instance's memory only
     * @param clock  the clock of the buckets in memory (and of the retries of the shared store)
     */
    CallerBudgets(RateLimitProperties properties, @Nullable ProxyManager<String> shared, TimeMeter clock) {
        this.properties = properties;
        this.shared = shared;
        this.clock = clock;
        // idle for the longest window, a bucket is full: forgetting it changes nothing
        Duration idle = Duration.ofSeconds(Math.max(
                properties.general().windowSeconds(), properties.expensive().windowSeconds()));
        this.users = inMemory(properties.maxBuckets(), idle, clock);
        this.addresses = inMemory(properties.maxBuckets(), idle, clock);
    }

    Outcome chargeUser(String subject, Policy policy) {
        return charge(users, "user:" + subject, policy);
    }

    Outcome chargeAddress(String address, Policy policy) {
        return charge(addresses, "address:" + address, policy);
    }

    /**
     * Deletes up to {@code batchSize} buckets of the shared store that have been full for a while.
     *
     * @return how many were deleted; 0 without a shared store, or while it cannot be reached
     */
    int removeExpired(int batchSize) {
        if (shared instanceof ExpiredEntriesCleaner cleaner && sharedPausedUntil.get() == SHARED_ANSWERS) {
            return cleaner.removeExpired(batchSize);
        }
        return 0;
    }

    /** Buckets held in this instance's memory now, users and addresses together. */
    long bucketsInMemory() {
        users.cleanUp();
        addresses.cleanUp();
        return users.estimatedSize() + addresses.estimatedSize();
    }

    private Outcome charge(Cache<String, Bucket> inMemory, String caller, Policy policy) {
        Budget budget = properties.budget(policy);
        // the budget is part of the key: after a change of settings (or while a rolling update runs two
        // settings at once) each setting has buckets of its own instead of one stored under the other's terms
        String key = policy.headerName() + ":" + budget.burst() + "/" + budget.perSecondText() + ":" + caller;
        if (shared != null && mayUseShared()) {
            try {
                Outcome outcome = Outcome.of(
                        shared.builder().build(key, () -> configuration(budget)).tryConsumeAndReturnRemaining(1));
                sharedAnswered();
                return outcome;
            } catch (RuntimeException unreachable) {
                sharedFailed(unreachable);
            }
        }
        Bucket bucket = inMemory.get(
                key,
                ignored -> Bucket.builder()
                        .addLimit(bandwidth(budget))
                        .withCustomTimePrecision(clock)
                        .build());
        return Outcome.of(bucket.tryConsumeAndReturnRemaining(1));
    }

    private boolean mayUseShared() {
        long pausedUntil = sharedPausedUntil.get();
        if (pausedUntil == SHARED_ANSWERS) {
            return true;
        }
        long now = clock.currentTimeNanos();
        // past the pause one request tries the shared store again; the others meanwhile keep counting here
        return now - pausedUntil >= 0 && sharedPausedUntil.compareAndSet(pausedUntil, now + RETRY_SHARED.toNanos());
    }

    private void sharedAnswered() {
        if (sharedPausedUntil.get() != SHARED_ANSWERS
                && sharedPausedUntil.getAndSet(SHARED_ANSWERS) != SHARED_ANSWERS) {
            log.info("Rate limits are counted in PostgreSQL again, one budget across all instances");
        }
    }

    private void sharedFailed(RuntimeException failure) {
        if (sharedPausedUntil.getAndSet(clock.currentTimeNanos() + RETRY_SHARED.toNanos()) == SHARED_ANSWERS) {
            log.warn(
                    "Rate limits cannot be counted in PostgreSQL ({}): each instance counts on its own until it answers "
                            + "again (tried every {} s)",
                    rootCause(failure),
                    RETRY_SHARED.toSeconds());
        }
    }

    /** The bucket of a budget: {@code burst} tokens, refilled one at a time at {@code perSecond}. */
    static BucketConfiguration configuration(Budget budget) {
        return BucketConfiguration.builder().addLimit(bandwidth(budget)).build();
    }

    private static Bandwidth bandwidth(Budget budget) {
        long nanosPerToken = Math.max(1, Math.round(NANOS_PER_SECOND / budget.perSecond()));
        return Bandwidth.builder()
                .capacity(budget.burst())
                .refillGreedy(1, Duration.ofNanos(nanosPerToken))
                .build();
    }

    private static Cache<String, Bucket> inMemory(int maxBuckets, Duration idle, TimeMeter clock) {
        // idle time on the buckets' clock; evictions run on the calling thread (no background work, and a test
        // sees the bound at once)
        return Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .expireAfterAccess(idle)
                .ticker(clock::currentTimeNanos)
                .executor(Runnable::run)
                .build();
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    /**
     * What a request cost.
     *
     * @param allowed           whether a token was taken
     * @param remaining         whole tokens left
     * @param resetSeconds      seconds until the bucket is full again
     * @param retryAfterSeconds when refused, seconds until one request is allowed again (at least 1); else 0
     */
    record Outcome(boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {

        static Outcome of(ConsumptionProbe probe) {
            boolean allowed = probe.isConsumed();
            return new Outcome(
                    allowed,
                    Math.max(0, probe.getRemainingTokens()),
                    seconds(probe.getNanosToWaitForReset()),
                    allowed ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
        }

        /** Whole seconds, rounded up. */
        private static long seconds(long nanos) {
            return (Math.max(0, nanos) + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
        }
    }
}
