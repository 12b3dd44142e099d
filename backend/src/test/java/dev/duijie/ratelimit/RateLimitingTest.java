package dev.duijie.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.duijie.ratelimit.CallerBudgets.Outcome;
import dev.duijie.ratelimit.RateLimitProperties.Budget;
import dev.duijie.ratelimit.RateLimitProperties.Store;
import dev.duijie.web.ProblemDetails;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which budget a path spends, which address key a client gets, and the headers that say so. */
class RateLimitingTest {

    @Test
    void givenABudgetAndAnOutcome_thenTheDraftHeaders() {
        assertThat(RateLimiting.policyHeader(Policy.GENERAL, new Budget(20, 100)))
                .isEqualTo("\"general\";q=100;w=5");
        assertThat(RateLimiting.policyHeader(Policy.EXPENSIVE, new Budget(0.5, 5)))
                .isEqualTo("\"expensive\";q=5;w=10");
        assertThat(RateLimiting.limitHeader(Policy.GENERAL, new Outcome(true, 37, 4, 0)))
                .isEqualTo("\"general\";r=37;t=4");
        assertThat(RateLimiting.limitHeader(Policy.EXPENSIVE, new Outcome(false, 0, 9, 2)))
                .isEqualTo("\"expensive\";r=0;t=9");
    }

    @Test
    void givenMatchesSearchesAndCandidates_thenTheExpensiveBudget() {
        assertThat(RateLimiting.policyOf("/financing-requests/4f1c/matches/loan-products"))
                .isEqualTo(Policy.EXPENSIVE);
        assertThat(RateLimiting.policyOf("/talent-profiles/me/matches/talent-needs"))
                .isEqualTo(Policy.EXPENSIVE);
        assertThat(RateLimiting.policyOf("/open-financing-requests")).isEqualTo(Policy.EXPENSIVE);
        assertThat(RateLimiting.policyOf("/campaigns/1/needs/2/candidates")).isEqualTo(Policy.EXPENSIVE);
        assertThat(RateLimiting.policyOf("/search-indexes/financing-requests/rebuild"))
                .isEqualTo(Policy.EXPENSIVE);

        assertThat(RateLimiting.policyOf("/financing-requests")).isEqualTo(Policy.GENERAL);
        assertThat(RateLimiting.policyOf("/financing-requests/4f1c")).isEqualTo(Policy.GENERAL);
        assertThat(RateLimiting.policyOf("/open-talent-needs")).isEqualTo(Policy.GENERAL);
        assertThat(RateLimiting.policyOf("/organizations/me")).isEqualTo(Policy.GENERAL);
    }

    @Test
    void givenHealthPaths_thenNeverCharged() {
        assertThat(RateLimiting.isHealthCheck("/actuator/health")).isTrue();
        assertThat(RateLimiting.isHealthCheck("/actuator/health/readiness")).isTrue();
        assertThat(RateLimiting.isHealthCheck("/actuator/healthz")).isFalse();
        assertThat(RateLimiting.isHealthCheck("/actuator/metrics")).isFalse();
    }

    @Test
    void givenIpv6Clients_thenOneBucketPer64() {
        assertThat(RateLimiting.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(RateLimiting.addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isEqualTo("20010db800010002/64");
        assertThat(RateLimiting.addressKey("2001:db8:1:3::1")).isNotEqualTo(RateLimiting.addressKey("2001:db8:1:2::1"));
    }

    @Test
    void givenIpv4OrMappedOrOdd_thenTheAddressItself() {
        assertThat(RateLimiting.addressKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(RateLimiting.addressKey("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(RateLimiting.addressKey("not:an:address")).isEqualTo("not:an:address");
    }

    @Test
    void givenPostgreSqlUnreachable_whenRequestsArrive_thenServedWithTheirHeadersAndStillLimitedPerInstance()
            throws Exception {
        RateLimitProperties properties =
                new RateLimitProperties(true, Store.POSTGRESQL, new Budget(1, 2), new Budget(1, 1), 10);
        RateLimiting rateLimiting = new RateLimiting(
                properties,
                new CallerBudgets(
                        properties,
                        RateLimitConfiguration.inPostgreSql(new UnreachableDatabase()),
                        TimeMeter.SYSTEM_NANOTIME),
                mock(ProblemDetails.class));

        MockHttpServletResponse first = new MockHttpServletResponse();
        assertThat(rateLimiting.admit(new MockHttpServletRequest("GET", "/financing-requests"), first))
                .as("goes on")
                .isTrue();
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getHeader("RateLimit-Policy")).isEqualTo("\"general\";q=2;w=2");
        assertThat(first.getHeader("RateLimit")).isEqualTo("\"general\";r=1;t=1");

        assertThat(rateLimiting.admit(
                        new MockHttpServletRequest("GET", "/financing-requests"), new MockHttpServletResponse()))
                .isTrue();
        MockHttpServletResponse third = new MockHttpServletResponse();
        assertThat(rateLimiting.admit(new MockHttpServletRequest("GET", "/financing-requests"), third))
                .as("past the burst")
                .isFalse();
        assertThat(third.getHeader("Retry-After")).isEqualTo("1");
    }
}
