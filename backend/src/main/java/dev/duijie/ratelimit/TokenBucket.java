package dev.duijie.ratelimit;

import dev.duijie.ratelimit.RateLimitProperties.Budget;

/**
 * A token bucket: holds up to {@code burst} tokens, gains {@code perSecond} tokens a second, and each request
 * takes one. A caller quiet for a while may send a burst; after that, {@code perSecond} a second.
 *
 * <p>Kept as one instant instead of a fractional token count: {@code fullAt}, when the bucket will be full again
 * (each token taken pushes it one token's worth of time later). That is whole-nanosecond arithmetic, so no
 * rounding drift; time is passed in (a monotonic clock's nanoseconds) so it is tested without waiting. Not
 * thread-safe: the caller holds a lock ({@link CallerBudgets}).
 */
final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long burst;
    private final long nanosPerToken;
    private long fullAt;

    /** A new bucket is full: a caller not seen before (or forgotten) gets the whole burst. */
    TokenBucket(Budget budget, long now) {
        this.burst = budget.burst();
        this.nanosPerToken = Math.max(1, Math.round(NANOS_PER_SECOND / budget.perSecond()));
        this.fullAt = now;
    }

    /**
     * What a request costs: one token if there is one.
     *
     * @return whether the request may go ahead, the whole tokens left, the seconds until the bucket is full
     *         again, and (when refused) the seconds until the next token
     */
    Outcome take(long now) {
        long missing = Math.max(0, fullAt - now); // time the bucket needs to fill up
        boolean allowed = missing + nanosPerToken <= burst * nanosPerToken;
        if (allowed) {
            missing += nanosPerToken;
            fullAt = now + missing;
        }
        long remaining = (burst * nanosPerToken - missing) / nanosPerToken;
        long retryAfter = allowed ? 0 : Math.max(1, seconds(missing + nanosPerToken - burst * nanosPerToken));
        return new Outcome(allowed, remaining, seconds(missing), retryAfter);
    }

    /** Whole seconds, rounded up. */
    private static long seconds(long nanos) {
        return (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    /**
     * @param allowed           whether a token was taken
     * @param remaining         whole tokens left
     * @param resetSeconds      seconds until the bucket is full again
     * @param retryAfterSeconds when refused, seconds until one request is allowed again (at least 1); else 0
     */
    record Outcome(boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {
    }
}
