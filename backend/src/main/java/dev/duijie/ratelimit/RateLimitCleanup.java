package dev.duijie.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the shared buckets that have been full for a minute, so the table holds recent callers only. Safe with
 * several instances: rows another instance is deleting or charging are skipped ({@code for update skip locked}).
 */
@Component
class RateLimitCleanup {

    private static final Logger log = LoggerFactory.getLogger(RateLimitCleanup.class);
    private static final int BATCH = 1000;

    private final CallerBudgets budgets;

    RateLimitCleanup(CallerBudgets budgets) {
        this.budgets = budgets;
    }

    @Scheduled(fixedDelayString = "${duijie.rate-limit.cleanup-interval:1m}")
    void removeExpiredBuckets() {
        int removed = 0;
        int batch;
        do {
            batch = budgets.removeExpired(BATCH);
            removed += batch;
        } while (batch == BATCH);
        if (removed > 0) {
            log.debug("Deleted {} rate-limit buckets that had been full for a minute", removed);
        }
    }
}
