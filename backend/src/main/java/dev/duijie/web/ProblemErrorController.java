package dev.duijie.web;

import dev.duijie.shared.ProblemType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}): errors raised outside Spring MVC's handlers, e.g.
 * in a filter, end here. Answers problem+json like everything else instead of Boot's default body.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final ProblemDetails problems;

    ProblemErrorController(ProblemDetails problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 500;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemType type;
        String detailKey;
        if (failure instanceof AuthenticationServiceException) {
            // the token could not be checked at all, e.g. Keycloak's keys could not be fetched
            type = ProblemType.IDENTITY_UNAVAILABLE;
            detailKey = "problem.detail.identity-unavailable";
        } else if (status == 404) {
            type = ProblemType.NOT_FOUND;
            detailKey = "problem.detail.no-such-path";
        } else if (status >= 500) {
            type = ProblemType.INTERNAL_ERROR;
            detailKey = "problem.detail.internal-error";
        } else {
            type = ProblemType.MALFORMED_REQUEST;
            detailKey = "problem.detail.malformed-request";
        }
        ProblemDetail problem = problems.of(type, detailKey, new Object[0], List.of(), Languages.of(request));
        if (type == ProblemType.MALFORMED_REQUEST) {
            problem.setStatus(status);
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
