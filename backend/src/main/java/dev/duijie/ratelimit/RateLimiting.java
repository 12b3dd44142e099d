package dev.duijie.ratelimit;

import dev.duijie.ratelimit.CallerBudgets.Outcome;
import dev.duijie.ratelimit.RateLimitProperties.Budget;
import dev.duijie.shared.ProblemType;
import dev.duijie.web.Languages;
import dev.duijie.web.ProblemDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Charges each request to its caller's budget, after authentication: an authenticated caller is its token's
 * subject ({@code sub}), anyone else (no token, or one that failed its checks) is its client address, so a flood
 * of guessed tokens is limited too. Health checks are never charged. Every charged response carries the IETF
 * draft headers (draft-ietf-httpapi-ratelimit-headers-11): {@code RateLimit-Policy: "general";q=100;w=5} and
 * {@code RateLimit: "general";r=37;t=4}; past the budget the answer is 429 with {@code Retry-After}.
 */
@Component
public class RateLimiting {

    static final String POLICY_HEADER = "RateLimit-Policy";
    static final String LIMIT_HEADER = "RateLimit";

    /** Set once a request has been charged, so the filter and the 401 entry point never charge it twice. */
    private static final String CHARGED = RateLimiting.class.getName() + ".charged";

    /** The operations that cost Elasticsearch queries or scoring a pool of candidates. */
    private static final List<PathPattern> EXPENSIVE = List.of(
            PathPatternParser.defaultInstance.parse("/*/*/matches/*"),
            PathPatternParser.defaultInstance.parse("/open-financing-requests"),
            PathPatternParser.defaultInstance.parse("/campaigns/*/needs/*/candidates"),
            PathPatternParser.defaultInstance.parse("/search-indexes/*/rebuild"));

    private final RateLimitProperties properties;
    private final CallerBudgets budgets;
    private final ProblemDetails problems;

    RateLimiting(RateLimitProperties properties, CallerBudgets budgets, ProblemDetails problems) {
        this.properties = properties;
        this.budgets = budgets;
        this.problems = problems;
    }

    /**
     * Charges the request (once, however often this is called for it) and sets the RateLimit headers.
     *
     * @return true when the request may go on; false when its caller's budget is spent, in which case the whole
     *         response (429 problem with {@code Retry-After}) has been written and nothing else may be done
     */
    public boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!properties.enabled() || isHealthCheck(path) || request.getAttribute(CHARGED) != null) {
            return true;
        }
        request.setAttribute(CHARGED, Boolean.TRUE);
        Policy policy = policyOf(path);
        String subject = authenticatedSubject();
        Outcome outcome = subject != null
                ? budgets.chargeUser(subject, policy)
                : budgets.chargeAddress(addressKey(request.getRemoteAddr()), policy);
        Budget budget = properties.budget(policy);
        response.setHeader(POLICY_HEADER, policyHeader(policy, budget));
        response.setHeader(LIMIT_HEADER, limitHeader(policy, outcome));
        if (outcome.allowed()) {
            return true;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfterSeconds()));
        problems.write(
                response,
                problems.of(
                        ProblemType.TOO_MANY_REQUESTS,
                        "problem.detail.too-many-requests",
                        new Object[] {budget.perSecondText(), budget.burst(), outcome.retryAfterSeconds()},
                        List.of(),
                        Languages.of(request)));
        return false;
    }

    /** {@code "general";q=100;w=5}: the burst, and the seconds it takes to refill. */
    static String policyHeader(Policy policy, Budget budget) {
        return "\"%s\";q=%d;w=%d".formatted(policy.headerName(), budget.burst(), budget.windowSeconds());
    }

    /** {@code "general";r=37;t=4}: requests left now, and the seconds until the whole burst is available again. */
    static String limitHeader(Policy policy, Outcome outcome) {
        return "\"%s\";r=%d;t=%d".formatted(policy.headerName(), outcome.remaining(), outcome.resetSeconds());
    }

    static boolean isHealthCheck(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    static Policy policyOf(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return EXPENSIVE.stream().anyMatch(pattern -> pattern.matches(container)) ? Policy.EXPENSIVE : Policy.GENERAL;
    }

    /**
     * The bucket key of a client address. An IPv6 client usually holds a whole /64 and could rotate through it,
     * so its /64 is the key; an IPv4 address is its own.
     */
    static String addressKey(String remoteAddress) {
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // a string with ':' is parsed as an IPv6 literal and never looked up in DNS
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (address instanceof Inet6Address) {
                return HexFormat.of().formatHex(address.getAddress(), 0, 8) + "/64";
            }
            return address.getHostAddress(); // an IPv4-mapped IPv6 address
        } catch (UnknownHostException notAnAddress) {
            return remoteAddress;
        }
    }

    private static @Nullable String authenticatedSubject() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return token.getToken().getSubject();
        }
        return null;
    }
}
