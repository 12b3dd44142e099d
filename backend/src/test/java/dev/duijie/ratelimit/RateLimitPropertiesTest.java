package dev.duijie.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duijie.ratelimit.RateLimitProperties.Budget;
import dev.duijie.ratelimit.RateLimitProperties.Store;
import org.junit.jupiter.api.Test;

/** What a budget advertises, and the settings refused at startup. */
class RateLimitPropertiesTest {

    @Test
    void givenABudget_thenTheAdvertisedWindowIsTheTimeToRefillTheBurst() {
        assertThat(new Budget(20, 100).windowSeconds()).isEqualTo(5);
        assertThat(new Budget(0.5, 5).windowSeconds()).isEqualTo(10);
        assertThat(new Budget(1000, 1).windowSeconds())
                .as("never 0: the draft's w is at least 1")
                .isEqualTo(1);
        assertThat(new Budget(20, 100).perSecondText()).isEqualTo("20");
        assertThat(new Budget(0.5, 5).perSecondText()).isEqualTo("0.5");
    }

    @Test
    void givenNoRateOrNoBurst_whenConfigured_thenRefusedWithTheWayToTurnLimitingOff() {
        assertThatThrownBy(() -> new Budget(0, 10)).hasMessageContaining("DUIJIE_RATE_LIMIT_ENABLED=false");
        assertThatThrownBy(() -> new Budget(Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Budget(5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Budget(5, 2_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitProperties(true, Store.MEMORY, new Budget(1, 1), new Budget(1, 1), 0))
                .hasMessageContaining("DUIJIE_RATE_LIMIT_MAX_BUCKETS");
    }
}
