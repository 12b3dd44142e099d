package dev.duijie.console.web;

import dev.duijie.console.backend.BackendTime;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A {@code Server-Timing} header on every page when {@code DUIJIE_CONSOLE_SERVER_TIMING=true} (the console
 * benchmark turns it on): {@code total} is the console's whole time for the page, {@code backend} the part spent
 * waiting for the backend, so what the console adds is the difference. Off by default: the page is held until it
 * is complete so the header can go first, and timings are nobody else's business.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "duijie.console.server-timing", havingValue = "true")
class ServerTiming extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        BackendTime.start(request);
        var held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } finally {
            Long backend = BackendTime.spentNanos(request);
            response.setHeader(
                    "Server-Timing",
                    String.format(
                            Locale.ROOT,
                            "total;dur=%.2f, backend;dur=%.2f",
                            (System.nanoTime() - started) / 1e6,
                            (backend == null ? 0 : backend) / 1e6));
            held.copyBodyToResponse();
        }
    }
}
