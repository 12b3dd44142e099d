package dev.duijie.console.language;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A link may carry {@code ?lang=en} (or {@code zh-CN}): the page, and the rest of this session, are in that language
 * without changing what the person chose for themselves (the switch in the header does that). Someone sending a
 * colleague a link to a page in English does not change the colleague's choice.
 */
@Configuration
class LanguageFromLink implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String language = request.getParameter("lang");
        if (language != null) {
            PersonsLanguage.forThisSession(request, Languages.of(language));
        }
        return true;
    }
}
