package dev.duijie.console.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Someone without a session is sent to sign in, and comes back to the page they asked for (Spring Security saves
 * it). An htmx request cannot follow a redirect to Keycloak inside a page fragment, so it is told to reload the
 * whole page it came from instead, which then goes the normal way.
 */
class ConsoleEntryPoint implements AuthenticationEntryPoint {

    private final LoginUrlAuthenticationEntryPoint signIn;

    ConsoleEntryPoint(String signInUrl) {
        this.signIn = new LoginUrlAuthenticationEntryPoint(signInUrl);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, jakarta.servlet.ServletException {
        if (Htmx.isHtmx(request)) {
            Htmx.reloadWholePage(request, response);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        signIn.commence(request, response, failure);
    }
}
