package dev.duijie.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which budget a path spends, and which address key a client gets. */
class RateLimitingTest {

    @Test
    void givenMatchesSearchesAndCandidates_thenTheExpensiveBudget() {
        assertThat(RateLimiting.policyOf("/financing-requests/4f1c/matches/loan-products")).isEqualTo(Policy.EXPENSIVE);
        assertThat(RateLimiting.policyOf("/talent-profiles/me/matches/talent-needs")).isEqualTo(Policy.EXPENSIVE);
        assertThat(RateLimiting.policyOf("/open-financing-requests")).isEqualTo(Policy.EXPENSIVE);
        assertThat(RateLimiting.policyOf("/campaigns/1/needs/2/candidates")).isEqualTo(Policy.EXPENSIVE);
        assertThat(RateLimiting.policyOf("/search-indexes/financing-requests/rebuild")).isEqualTo(Policy.EXPENSIVE);

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
}
