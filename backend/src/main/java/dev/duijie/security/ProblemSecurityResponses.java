package dev.duijie.security;

import dev.duijie.ratelimit.RateLimiting;
import dev.duijie.shared.ProblemType;
import dev.duijie.web.Languages;
import dev.duijie.web.ProblemDetails;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 from the security filters, as problem+json. The bearer-token handlers set the status and
 * the {@code WWW-Authenticate: Bearer ...} challenge (RFC 6750); we add the body. A 401 is cheap but still
 * spends its client address's budget, so a flood of guessed tokens ends in 429s.
 */
@Component
class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final ProblemDetails problems;
    private final RateLimiting rateLimiting;

    ProblemSecurityResponses(ProblemDetails problems, RateLimiting rateLimiting) {
        this.problems = problems;
        this.rateLimiting = rateLimiting;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (!rateLimiting.admit(request, response)) {
            return;
        }
        bearerChallenge.commence(request, response, failure);
        write(request, response, ProblemType.UNAUTHENTICATED, "problem.detail.unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        bearerDenied.handle(request, response, denied);
        write(request, response, ProblemType.FORBIDDEN, "problem.forbidden.role");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detailKey)
            throws IOException {
        problems.write(response, problems.of(type, detailKey, new Object[0], List.of(), Languages.of(request)));
    }
}
