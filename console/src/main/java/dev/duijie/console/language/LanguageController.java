package dev.duijie.console.language;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language switch in every page's header: remembers the choice and shows the same page again. */
@Controller
class LanguageController {

    private final LocaleResolver languages;

    LanguageController(LocaleResolver languages) {
        this.languages = languages;
    }

    @PostMapping("/language")
    String choose(
            @RequestParam String language,
            @RequestParam(defaultValue = "/") String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        languages.setLocale(request, response, Languages.of(language));
        return "redirect:" + (isOwnPage(back) ? back : "/");
    }

    /** Only a path on this console, never another site (an open redirect). */
    static boolean isOwnPage(String back) {
        return back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && !back.contains("\n");
    }
}
