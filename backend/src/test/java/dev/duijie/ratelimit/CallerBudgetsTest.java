package dev.duijie.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.ratelimit.RateLimitProperties.Budget;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Whose bucket a request spends, and how many buckets are kept; on a clock the test moves. */
class CallerBudgetsTest {

    private final AtomicLong clock = new AtomicLong();

    @Test
    void givenOneUserOverTheLimit_whenOthersCall_thenTheyAreNotAffected() {
        CallerBudgets budgets = budgets(new Budget(1, 2), new Budget(1, 1), 100);
        spend(budgets, "user-a", Policy.GENERAL);

        assertThat(budgets.chargeUser("user-a", Policy.GENERAL).allowed()).isFalse();
        assertThat(budgets.chargeUser("user-b", Policy.GENERAL).allowed()).as("another user").isTrue();
        assertThat(budgets.chargeAddress("user-a", Policy.GENERAL).allowed()).as("an address is not a user").isTrue();
        assertThat(budgets.chargeUser("user-a", Policy.EXPENSIVE).allowed()).as("the other budget").isTrue();
        assertThat(budgets.chargeUser("user-a", Policy.EXPENSIVE).allowed()).as("whose burst is 1").isFalse();
    }

    @Test
    void givenAFloodOfDistinctAddresses_whenCharged_thenTheBucketsStayBoundedAndUsersKeepTheirs() {
        CallerBudgets budgets = budgets(new Budget(1, 2), new Budget(1, 1), 50);
        spend(budgets, "hostile-user", Policy.GENERAL);

        for (int i = 0; i < 100_000; i++) {
            budgets.chargeAddress("10.%d.%d.%d".formatted(i >> 16 & 255, i >> 8 & 255, i & 255), Policy.GENERAL);
        }

        assertThat(budgets.trackedBuckets()).as("50 addresses and the one user").isEqualTo(51);
        assertThat(budgets.chargeUser("hostile-user", Policy.GENERAL).allowed())
                .as("the address flood did not push out a user's spent bucket").isFalse();
    }

    @Test
    void givenTooManyAddresses_whenANewOneCalls_thenTheLeastRecentlyUsedIsForgotten() {
        CallerBudgets budgets = budgets(new Budget(1, 1), new Budget(1, 1), 2);
        spend(budgets, "a", Policy.GENERAL);
        spend(budgets, "b", Policy.GENERAL);
        assertThat(budgets.chargeAddress("a", Policy.GENERAL).allowed()).isFalse(); // a is now the most recent

        budgets.chargeAddress("c", Policy.GENERAL); // pushes out b

        assertThat(budgets.chargeAddress("a", Policy.GENERAL).allowed()).as("a still spent").isFalse();
        assertThat(budgets.chargeAddress("b", Policy.GENERAL).allowed()).as("b forgotten: a new, full bucket").isTrue();
    }

    @Test
    void givenASpentUser_whenTheClockMoves_thenTheBudgetRefills() {
        CallerBudgets budgets = budgets(new Budget(2, 2), new Budget(1, 1), 10);
        spend(budgets, "user-a", Policy.GENERAL);

        clock.addAndGet(499_000_000L);
        assertThat(budgets.chargeUser("user-a", Policy.GENERAL).allowed()).isFalse();
        clock.addAndGet(1_000_000L);
        assertThat(budgets.chargeUser("user-a", Policy.GENERAL).allowed()).isTrue();
    }

    private CallerBudgets budgets(Budget general, Budget expensive, int maxBuckets) {
        return new CallerBudgets(new RateLimitProperties(true, general, expensive, maxBuckets), clock::get);
    }

    private static void spend(CallerBudgets budgets, String key, Policy policy) {
        for (int i = 0; i < 1000; i++) {
            boolean allowed = key.startsWith("user") || key.startsWith("hostile")
                    ? budgets.chargeUser(key, policy).allowed()
                    : budgets.chargeAddress(key, policy).allowed();
            if (!allowed) {
                return;
            }
        }
        throw new AssertionError("never refused");
    }
}
