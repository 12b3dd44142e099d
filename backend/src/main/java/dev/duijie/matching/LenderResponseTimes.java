package dev.duijie.matching;

import dev.duijie.bidding.BankResponses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each lender's response-time record as matching ranks by it: its median time to answer matching requests
 * over the last 180 days. A bank with too short a record is ranked as the county's typical bank (the
 * median of the banks' medians), so being new neither helps nor hurts. The figures change slowly and
 * their query reads the whole window, so they are kept for a while rather than read per match.
 */
@Component
class LenderResponseTimes {

    static final Duration WINDOW = Duration.ofDays(180);
    /** Fewer answered requests than this is no record yet. */
    static final int MINIMUM_RESPONSES = 3;

    private final BankResponses responses;
    private final Clock clock;
    private final Duration refreshAfter;
    private volatile @Nullable Snapshot snapshot;

    LenderResponseTimes(
            BankResponses responses,
            Clock clock,
            @Value("${duijie.matching.response-times-refresh}") Duration refreshAfter) {
        this.responses = responses;
        this.clock = clock;
        this.refreshAfter = refreshAfter;
    }

    Snapshot current() {
        Instant now = clock.instant();
        Snapshot last = snapshot;
        if (last == null || !now.isBefore(last.takenAt().plus(refreshAfter))) {
            last = Snapshot.of(responses.medianResponseTimes(now.minus(WINDOW), MINIMUM_RESPONSES), now);
            snapshot = last;
        }
        return last;
    }

    /**
     * The records at one moment.
     *
     * @param byLender     lenders with a record, by organization id
     * @param countyMedian the median of those records, for lenders without one; empty when no lender has one
     */
    record Snapshot(Map<UUID, Duration> byLender, Optional<Duration> countyMedian, Instant takenAt) {

        static Snapshot of(Map<UUID, Duration> byLender, Instant takenAt) {
            List<Duration> sorted = byLender.values().stream().sorted().toList();
            Optional<Duration> median = sorted.isEmpty()
                    ? Optional.empty()
                    : Optional.of(
                            sorted.size() % 2 == 1
                                    ? sorted.get(sorted.size() / 2)
                                    : sorted.get(sorted.size() / 2 - 1)
                                            .plus(sorted.get(sorted.size() / 2))
                                            .dividedBy(2));
            return new Snapshot(Map.copyOf(byLender), median, takenAt);
        }

        /** The time a lender is ranked by: its own, else the county's; empty when nobody has a record. */
        Optional<Duration> rankedBy(UUID lender) {
            return Optional.ofNullable(byLender.get(lender)).or(() -> countyMedian);
        }
    }
}
