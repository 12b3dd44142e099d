package dev.duijie.console.backend;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * How long the page being served has waited for the backend, summed over its calls; what the console adds is the
 * rest (see {@code web.ServerTiming}).
 */
public final class BackendTime {

    private static final String ATTRIBUTE = BackendTime.class.getName();

    private BackendTime() {}

    /** Starts counting for a page request. */
    public static void start(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, new AtomicLong());
    }

    /** Nanoseconds the request has spent in backend calls so far; null when nobody counted. */
    public static @Nullable Long spentNanos(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof AtomicLong spent ? spent.get() : null;
    }

    static ClientHttpRequestInterceptor counter() {
        return (request, body, execution) -> {
            long started = System.nanoTime();
            try {
                return execution.execute(request, body);
            } finally {
                RequestAttributes page = RequestContextHolder.getRequestAttributes();
                if (page != null
                        && page.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof AtomicLong spent) {
                    spent.addAndGet(System.nanoTime() - started);
                }
            }
        };
    }
}
