package dev.duijie.ratelimit;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The request budgets, per caller (see {@link RateLimiting} for who a caller is), and where they are counted.
 *
 * @param enabled        false turns limiting off: no budget, no {@code RateLimit} headers, never 429
 * @param store          where the buckets are kept: {@link Store#POSTGRESQL} (one budget across every instance) or
 *                       {@link Store#MEMORY} (this instance only)
 * @param general        every operation but the expensive ones
 * @param expensive      matches and searches, which cost Elasticsearch queries and scoring; a budget of its own
 * @param maxBuckets     how many buckets this instance's memory holds for users, and separately for client
 *                       addresses (one per budget used): with the memory store, and with PostgreSQL while it
 *                       cannot be reached; past it the least used are forgotten, so a flood of new addresses
 *                       cannot grow memory
 */
@ConfigurationProperties("duijie.rate-limit")
public record RateLimitProperties(boolean enabled, Store store, Budget general, Budget expensive, int maxBuckets) {

    public RateLimitProperties {
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("DUIJIE_RATE_LIMIT_MAX_BUCKETS must be at least 1, not " + maxBuckets);
        }
    }

    /** Where callers' buckets are kept. */
    public enum Store {
        /** In PostgreSQL, shared by every backend instance on the database: a caller has one budget in all. */
        POSTGRESQL,
        /** In this instance's memory: right for a single instance only, as N instances give a caller N budgets. */
        MEMORY
    }

    /**
     * A token bucket's size: {@code burst} requests at once, then {@code perSecond} a second on average.
     *
     * @param perSecond sustained requests a second (may be fractional, e.g. 0.5); at least 0.001
     * @param burst     requests allowed back to back after a quiet spell; at least 1
     */
    public record Budget(double perSecond, int burst) {

        // bounds that keep a full refill (burst / perSecond) within a long of nanoseconds
        static final double MIN_PER_SECOND = 0.001;
        static final int MAX_BURST = 1_000_000;

        public Budget {
            if (!(perSecond >= MIN_PER_SECOND) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException(
                        "a rate limit must allow at least " + MIN_PER_SECOND + " requests a second, not " + perSecond
                                + "; set DUIJIE_RATE_LIMIT_ENABLED=false to turn limiting off");
            }
            if (burst < 1 || burst > MAX_BURST) {
                throw new IllegalArgumentException(
                        "a rate limit's burst must be 1 to " + MAX_BURST + " requests, not " + burst);
            }
        }

        /** Seconds a full bucket takes to refill: the window of the advertised policy. */
        long windowSeconds() {
            return Math.max(1, (long) Math.ceil(burst / perSecond));
        }

        /** 20.0 as "20", 0.5 as "0.5". */
        String perSecondText() {
            return BigDecimal.valueOf(perSecond).stripTrailingZeros().toPlainString();
        }
    }

    Budget budget(Policy policy) {
        return switch (policy) {
            case GENERAL -> general;
            case EXPENSIVE -> expensive;
        };
    }
}
