package dev.duijie.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.ratelimit.CallerBudgets.Outcome;
import dev.duijie.ratelimit.RateLimitProperties.Budget;
import dev.duijie.ratelimit.RateLimitProperties.Store;
import io.github.bucket4j.TimeMeter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Whose bucket a request spends, what it reports, how many buckets memory keeps, and what happens while
 * PostgreSQL cannot be reached; on a clock the test moves (nanoseconds).
 */
@ExtendWith(OutputCaptureExtension.class)
class CallerBudgetsTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    @Test
    void givenAFullBucket_whenABurstArrives_thenExactlyTheBurstIsAllowed() {
        CallerBudgets budgets = inMemory(new Budget(2, 3), new Budget(1, 1), 10);

        assertThat(budgets.chargeUser("u", Policy.GENERAL))
                .as("r=2, full again in 0.5 s")
                .isEqualTo(new Outcome(true, 2, 1, 0));
        assertThat(budgets.chargeUser("u", Policy.GENERAL)).isEqualTo(new Outcome(true, 1, 1, 0));
        assertThat(budgets.chargeUser("u", Policy.GENERAL))
                .as("1.5 s to refill 3 at 2 a second")
                .isEqualTo(new Outcome(true, 0, 2, 0));
        assertThat(budgets.chargeUser("u", Policy.GENERAL))
                .as("refused, next token in 0.5 s")
                .isEqualTo(new Outcome(false, 0, 2, 1));
    }

    @Test
    void givenAnEmptyBucket_whenTimePasses_thenItRefillsAtTheRate() {
        CallerBudgets budgets = inMemory(new Budget(2, 2), new Budget(1, 1), 10);
        spendUser(budgets, "u", Policy.GENERAL);

        now.addAndGet(499_000_000L);
        assertThat(budgets.chargeUser("u", Policy.GENERAL).allowed()).isFalse();
        now.addAndGet(1_000_000L);
        assertThat(budgets.chargeUser("u", Policy.GENERAL).allowed())
                .as("one token after half a second")
                .isTrue();
        assertThat(budgets.chargeUser("u", Policy.GENERAL).allowed())
                .as("and only one")
                .isFalse();
    }

    @Test
    void givenASlowRate_whenRefused_thenRetryAfterIsTheTimeToTheNextToken() {
        CallerBudgets budgets = inMemory(new Budget(0.25, 2), new Budget(1, 1), 10);
        spendUser(budgets, "u", Policy.GENERAL);

        now.set(SECOND);
        Outcome refused = budgets.chargeUser("u", Policy.GENERAL);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds())
                .as("0.75 tokens missing at 0.25 a second")
                .isEqualTo(3);
        assertThat(refused.resetSeconds()).as("1.75 tokens missing").isEqualTo(7);

        now.set(4 * SECOND - 1);
        assertThat(budgets.chargeUser("u", Policy.GENERAL).allowed()).isFalse();
        now.set(4 * SECOND);
        assertThat(budgets.chargeUser("u", Policy.GENERAL).allowed()).isTrue();
    }

    @Test
    void givenALongIdleSpell_whenCallingAgain_thenNeverMoreThanTheBurst() {
        CallerBudgets budgets = inMemory(new Budget(10, 5), new Budget(1, 1), 10);
        spendUser(budgets, "u", Policy.GENERAL);

        now.addAndGet(3600 * SECOND);
        for (int i = 0; i < 5; i++) {
            assertThat(budgets.chargeUser("u", Policy.GENERAL).allowed()).isTrue();
        }
        assertThat(budgets.chargeUser("u", Policy.GENERAL).allowed()).isFalse();
    }

    @Test
    void givenOneUserOverTheLimit_whenOthersCall_thenTheyAreNotAffected() {
        CallerBudgets budgets = inMemory(new Budget(1, 2), new Budget(1, 1), 100);
        spendUser(budgets, "user-a", Policy.GENERAL);

        assertThat(budgets.chargeUser("user-a", Policy.GENERAL).allowed()).isFalse();
        assertThat(budgets.chargeUser("user-b", Policy.GENERAL).allowed())
                .as("another user")
                .isTrue();
        assertThat(budgets.chargeAddress("user-a", Policy.GENERAL).allowed())
                .as("an address is not a user")
                .isTrue();
        assertThat(budgets.chargeUser("user-a", Policy.EXPENSIVE).allowed())
                .as("the other budget")
                .isTrue();
        assertThat(budgets.chargeUser("user-a", Policy.EXPENSIVE).allowed())
                .as("whose burst is 1")
                .isFalse();
    }

    @Test
    void givenAFloodOfDistinctAddresses_whenCharged_thenMemoryStaysBoundedAndUsersKeepTheirBuckets() {
        CallerBudgets budgets = inMemory(new Budget(1, 2), new Budget(1, 1), 50);
        spendUser(budgets, "hostile-user", Policy.GENERAL);

        for (int i = 0; i < 100_000; i++) {
            budgets.chargeAddress("10.%d.%d.%d".formatted(i >> 16 & 255, i >> 8 & 255, i & 255), Policy.GENERAL);
        }

        assertThat(budgets.bucketsInMemory())
                .as("at most 50 addresses, and the one user")
                .isLessThanOrEqualTo(51);
        assertThat(budgets.chargeUser("hostile-user", Policy.GENERAL).allowed())
                .as("the address flood did not push out a user's spent bucket")
                .isFalse();
    }

    @Test
    void givenPostgreSqlUnreachable_whenCharged_thenCountedInMemoryWithOneWarningAndRetriedLater(
            CapturedOutput output) {
        UnreachableDatabase database = new UnreachableDatabase();
        CallerBudgets budgets = new CallerBudgets(
                properties(Store.POSTGRESQL, new Budget(1, 3), new Budget(1, 1), 10),
                RateLimitConfiguration.inPostgreSql(database),
                clock);

        assertThat(budgets.chargeUser("u", Policy.GENERAL))
                .as("admitted, counted here")
                .isEqualTo(new Outcome(true, 2, 1, 0));
        assertThat(database.attempts()).hasValue(1);
        assertThat(budgets.chargeUser("u", Policy.GENERAL).allowed()).isTrue();
        assertThat(budgets.chargeUser("u", Policy.GENERAL).allowed()).isTrue();
        assertThat(budgets.chargeUser("u", Policy.GENERAL).allowed())
                .as("still limited, per instance")
                .isFalse();
        assertThat(budgets.chargeAddress("203.0.113.7", Policy.EXPENSIVE).allowed())
                .isTrue();
        assertThat(database.attempts()).as("not asked again during the pause").hasValue(1);
        assertThat(budgets.removeExpired(100))
                .as("no cleanup while unreachable")
                .isZero();

        now.addAndGet(CallerBudgets.RETRY_SHARED.toNanos());
        assertThat(budgets.chargeUser("u", Policy.GENERAL).allowed())
                .as("a token refilled meanwhile")
                .isTrue();
        assertThat(database.attempts()).as("tried again after the pause").hasValue(2);

        assertThat(output.getOut().lines().filter(line -> line.contains("Rate limits cannot be counted in PostgreSQL")))
                .as("one warning for the whole outage")
                .singleElement()
                .asString()
                .contains("Connection to 127.0.0.1:5432 refused", "each instance counts on its own");
    }

    private CallerBudgets inMemory(Budget general, Budget expensive, int maxBuckets) {
        return new CallerBudgets(properties(Store.MEMORY, general, expensive, maxBuckets), null, clock);
    }

    private static RateLimitProperties properties(Store store, Budget general, Budget expensive, int maxBuckets) {
        return new RateLimitProperties(true, store, general, expensive, maxBuckets);
    }

    private static void spendUser(CallerBudgets budgets, String subject, Policy policy) {
        for (int i = 0; i < 1000; i++) {
            if (!budgets.chargeUser(subject, policy).allowed()) {
                return;
            }
        }
        throw new AssertionError("never refused");
    }
}
