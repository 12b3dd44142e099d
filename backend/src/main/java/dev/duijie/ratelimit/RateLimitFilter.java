package dev.duijie.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a request past its caller's budget before anything is done for it. It belongs in the security filter
 * chain right after the bearer token is checked, so it knows who the caller is (SecurityConfiguration puts it
 * there); not a bean, or Spring Boot would also register it ahead of the security chain.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiting rateLimiting;

    public RateLimitFilter(RateLimiting rateLimiting) {
        this.rateLimiting = rateLimiting;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (rateLimiting.admit(request, response)) {
            chain.doFilter(request, response);
        }
    }
}
