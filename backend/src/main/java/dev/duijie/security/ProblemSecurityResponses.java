package dev.duijie.security;

import dev.duijie.shared.ProblemDetails;
import dev.duijie.shared.ProblemType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 from the security filters, as problem+json. The bearer-token handlers set the status and
 * the {@code WWW-Authenticate: Bearer ...} challenge (RFC 6750); we add the body.
 */
@Component
class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final ProblemDetails problems;
    private final JsonMapper json;

    ProblemSecurityResponses(ProblemDetails problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
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
        var problem = problems.of(type, detailKey, new Object[0], List.of(), request.getLocale());
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problems.asMap(problem));
    }
}
