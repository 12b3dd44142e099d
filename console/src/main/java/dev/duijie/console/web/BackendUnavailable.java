package dev.duijie.console.web;

import dev.duijie.console.backend.BackendProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * What a page shows when the backend answered with a problem its controller did not expect (a foreign or missing
 * thing is 404, a role that may not do it is 403), or could not be reached: a plain page in the person's language
 * with the backend's own explanation, never a stack trace.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BackendUnavailable {

    @ExceptionHandler(RestClientResponseException.class)
    String backendSaidNo(RestClientResponseException failure, Model model, HttpServletResponse response) {
        BackendProblem problem = BackendProblem.from(failure);
        response.setStatus(problem.status() >= 500 ? 502 : problem.status());
        model.addAttribute("problem", problem);
        return "problem";
    }

    @ExceptionHandler(ResourceAccessException.class)
    String backendUnreachable(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
        model.addAttribute("problem", null);
        return "problem";
    }
}
