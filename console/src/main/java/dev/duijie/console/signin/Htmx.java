package dev.duijie.console.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An htmx request cannot follow a redirect to Keycloak inside a page fragment; it is told to reload the whole page
 * it came from instead, which then signs the person in the normal way.
 */
final class Htmx {

    private Htmx() {}

    static boolean isHtmx(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }

    static void reloadWholePage(HttpServletRequest request, HttpServletResponse response) {
        String page = request.getHeader("HX-Current-URL");
        response.setHeader("HX-Redirect", page == null ? "/" : page);
    }
}
