package dev.duijie.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duijie.ratelimit.RateLimitProperties.Budget;
import dev.duijie.ratelimit.TokenBucket.Outcome;
import org.junit.jupiter.api.Test;

/** The bucket arithmetic, on a clock the test moves (nanoseconds). */
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void givenAFullBucket_whenABurstArrives_thenExactlyTheBurstIsAllowed() {
        TokenBucket bucket = new TokenBucket(new Budget(2, 3), 0);

        assertThat(bucket.take(0)).isEqualTo(new Outcome(true, 2, 1, 0));
        assertThat(bucket.take(0)).isEqualTo(new Outcome(true, 1, 1, 0));
        assertThat(bucket.take(0)).isEqualTo(new Outcome(true, 0, 2, 0));
        assertThat(bucket.take(0)).isEqualTo(new Outcome(false, 0, 2, 1));
    }

    @Test
    void givenAnEmptyBucket_whenTimePasses_thenItRefillsAtTheRate() {
        TokenBucket bucket = emptied(new Budget(2, 3), 0);

        Outcome tooSoon = bucket.take(300_000_000L); // 0.6 tokens
        assertThat(tooSoon.allowed()).isFalse();
        assertThat(tooSoon.retryAfterSeconds()).as("0.4 tokens missing at 2 a second: 0.2 s, rounded up").isEqualTo(1);
        assertThat(tooSoon.resetSeconds()).as("2.4 tokens missing: 1.2 s, rounded up").isEqualTo(2);

        assertThat(bucket.take(SECOND / 2).allowed()).as("one token after half a second").isTrue();
        assertThat(bucket.take(SECOND / 2).allowed()).as("and only one").isFalse();
    }

    @Test
    void givenASlowRate_whenRefused_thenRetryAfterIsTheTimeToTheNextToken() {
        TokenBucket bucket = emptied(new Budget(0.25, 2), 0);

        Outcome refused = bucket.take(SECOND);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).as("0.75 tokens missing at 0.25 a second").isEqualTo(3);
        assertThat(refused.resetSeconds()).as("1.75 tokens missing").isEqualTo(7);

        assertThat(bucket.take(4 * SECOND - 1).allowed()).isFalse();
        assertThat(bucket.take(4 * SECOND).allowed()).isTrue();
    }

    @Test
    void givenALongIdleSpell_whenCallingAgain_thenNeverMoreThanTheBurst() {
        TokenBucket bucket = emptied(new Budget(10, 5), 0);

        long anHourLater = 3600 * SECOND;
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.take(anHourLater).allowed()).isTrue();
        }
        assertThat(bucket.take(anHourLater).allowed()).isFalse();
    }

    @Test
    void givenAClockThatStandsStillOrGoesBack_whenTaking_thenNothingIsRefilled() {
        TokenBucket bucket = emptied(new Budget(1, 1), 10 * SECOND);

        assertThat(bucket.take(10 * SECOND).allowed()).isFalse();
        assertThat(bucket.take(5 * SECOND).allowed()).isFalse();
        assertThat(bucket.take(11 * SECOND).allowed()).isTrue();
    }

    @Test
    void givenABudget_thenTheAdvertisedWindowIsTheTimeToRefillTheBurst() {
        assertThat(new Budget(20, 100).windowSeconds()).isEqualTo(5);
        assertThat(new Budget(0.5, 5).windowSeconds()).isEqualTo(10);
        assertThat(new Budget(1000, 1).windowSeconds()).as("never 0: the draft's w is at least 1").isEqualTo(1);
        assertThat(new Budget(20, 100).perSecondText()).isEqualTo("20");
        assertThat(new Budget(0.5, 5).perSecondText()).isEqualTo("0.5");
    }

    @Test
    void givenNoRateOrNoBurst_whenConfigured_thenRefusedWithTheWayToTurnLimitingOff() {
        assertThatThrownBy(() -> new Budget(0, 10)).hasMessageContaining("DUIJIE_RATE_LIMIT_ENABLED=false");
        assertThatThrownBy(() -> new Budget(Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Budget(5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Budget(5, 2_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitProperties(true, new Budget(1, 1), new Budget(1, 1), 0))
                .hasMessageContaining("DUIJIE_RATE_LIMIT_MAX_BUCKETS");
    }

    private static TokenBucket emptied(Budget budget, long now) {
        TokenBucket bucket = new TokenBucket(budget, now);
        while (bucket.take(now).allowed()) {
            // spend the burst
        }
        return bucket;
    }
}
