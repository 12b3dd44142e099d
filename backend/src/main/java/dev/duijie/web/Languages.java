package dev.duijie.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of every sentence the API writes (problems, match explanations): Chinese unless the caller
 * asks for English. The people this serves are a Chinese county's firms, banks and officials, so no
 * {@code Accept-Language}, or one naming a language we do not write, is answered in Chinese.
 */
@Configuration(proxyBeanMethods = false)
public class Languages {

    private static final AcceptHeaderLocaleResolver RESOLVER = new AcceptHeaderLocaleResolver();

    static {
        RESOLVER.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.CHINESE, Locale.ENGLISH));
        RESOLVER.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    }

    /** For code that runs before Spring MVC (security filters, the rate limit, the error controller). */
    public static Locale of(HttpServletRequest request) {
        return RESOLVER.resolveLocale(request);
    }

    /** Spring MVC's resolver (the bean name it looks for), so controllers and filters agree. */
    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        return RESOLVER;
    }
}
