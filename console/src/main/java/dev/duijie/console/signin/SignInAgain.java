package dev.duijie.console.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * When the person's tokens can no longer be refreshed (their Keycloak session ended, or was ended by an
 * administrator), this console session is over too: it is dropped and the page is asked for again, which sends
 * the person to sign in and then back here.
 */
@ControllerAdvice
class SignInAgain {

    @ExceptionHandler(ClientAuthorizationException.class)
    String tokensExpired(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if (Htmx.isHtmx(request)) {
            Htmx.reloadWholePage(request, response);
            return "fragments/empty";
        }
        return "redirect:" + (request.getMethod().equals("GET") ? pageAsked(request) : "/");
    }

    private static String pageAsked(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
