package dev.duijie.security;

import dev.duijie.shared.ProblemDetails;
import dev.duijie.shared.ProblemType;
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
 * the {@code WWW-Authenticate: Bearer ...} challenge (RFC 6750); we add the body.
 */
@Component
class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final ProblemDetails problems;

    ProblemSecurityResponses(ProblemDetails problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
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
        problems.write(response, problems.of(type, detailKey, new Object[0], List.of(), request.getLocale()));
    }
}
