package dev.duijie.ratelimit;

import dev.duijie.ratelimit.TokenBucket.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Each caller's token buckets, in this instance's memory: one per authenticated user (token subject) and one per
 * client address (callers without a valid token), for each {@link Policy}.
 *
 * <p>Why memory and not PostgreSQL or a shared cache: the limit is there to stop one client from flooding the
 * instance it reaches, and counting in memory costs nothing next to the request itself; a shared counter would
 * add a database write to every request, reads included. The price: with N instances behind a load balancer a
 * caller may get up to N times the budget, and a restart forgets the counts. Both are fine for a flood guard
 * (README "Configuration" says so); a county that needs one exact budget across instances sets it at a gateway.
 *
 * <p>Memory is bounded: at most {@code maxBuckets} buckets of users and, separately, {@code maxBuckets} of
 * addresses are kept (about 200 bytes each), the least recently used dropped first. Dropping an idle caller loses nothing (its bucket had refilled,
 * and a new bucket starts full); a flood of distinct addresses only pushes out other addresses, never users.
 */
final class CallerBudgets {

    private final RateLimitProperties properties;
    private final LongSupplier nanoClock;
    private final RecentlySeen users;
    private final RecentlySeen addresses;

    CallerBudgets(RateLimitProperties properties, LongSupplier nanoClock) {
        this.properties = properties;
        this.nanoClock = nanoClock;
        this.users = new RecentlySeen(properties.maxBuckets());
        this.addresses = new RecentlySeen(properties.maxBuckets());
    }

    Outcome chargeUser(String subject, Policy policy) {
        return charge(users, subject, policy);
    }

    Outcome chargeAddress(String address, Policy policy) {
        return charge(addresses, address, policy);
    }

    /** Buckets held now, users and addresses together. */
    int trackedBuckets() {
        synchronized (users) {
            synchronized (addresses) {
                return users.size() + addresses.size();
            }
        }
    }

    // One lock per map, held for a map lookup and a little arithmetic: microseconds, far below a request's cost.
    private Outcome charge(RecentlySeen buckets, String key, Policy policy) {
        synchronized (buckets) {
            long now = nanoClock.getAsLong();
            return buckets.computeIfAbsent(new Partition(key, policy),
                    partition -> new TokenBucket(properties.budget(policy), now)).take(now);
        }
    }

    private record Partition(String key, Policy policy) {
    }

    /** A map in access order that drops its least recently used entry past {@code capacity}. */
    private static final class RecentlySeen extends LinkedHashMap<Partition, TokenBucket> {

        private final int capacity;

        RecentlySeen(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Partition, TokenBucket> eldest) {
            return size() > capacity;
        }
    }
}
