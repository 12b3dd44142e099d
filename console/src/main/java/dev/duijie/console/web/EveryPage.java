package dev.duijie.console.web;

import dev.duijie.console.signin.Person;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in and where they are (for the menu and the language switch). */
@ControllerAdvice
class EveryPage {

    @ModelAttribute("person")
    @Nullable
    Person person(@AuthenticationPrincipal @Nullable Person person) {
        return person;
    }

    @ModelAttribute("currentPage")
    String currentPage(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
