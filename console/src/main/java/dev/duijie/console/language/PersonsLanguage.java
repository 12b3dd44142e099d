package dev.duijie.console.language;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Which language a page is in: the one this person chose (remembered for them, so it follows them to another
 * browser), else Chinese. Kept in the session once read, so a page costs no extra query.
 */
@Component("localeResolver")
class PersonsLanguage implements LocaleResolver {

    private static final String IN_SESSION = PersonsLanguage.class.getName();

    private final LanguagePreferences preferences;

    PersonsLanguage(LanguagePreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(IN_SESSION) instanceof Locale chosen) {
            return chosen;
        }
        String subject = signedInSubject();
        if (subject == null || session == null) {
            return Languages.CHINESE;
        }
        Locale language = Languages.of(preferences.of(subject).orElse(null));
        session.setAttribute(IN_SESSION, language);
        return language;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        Locale language = Languages.of(locale == null ? null : locale.toLanguageTag());
        request.getSession().setAttribute(IN_SESSION, language);
        String subject = signedInSubject();
        if (subject != null) {
            preferences.remember(subject, language.toLanguageTag());
        }
    }

    /** This session's language only, not remembered for the person. */
    static void forThisSession(HttpServletRequest request, Locale language) {
        request.getSession().setAttribute(IN_SESSION, language);
    }

    private static @Nullable String signedInSubject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof OidcUser user
                ? user.getSubject()
                : null;
    }
}
