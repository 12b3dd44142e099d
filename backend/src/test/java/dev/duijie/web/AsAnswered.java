package dev.duijie.web;

import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.Sentences;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a user is shown, built as the API builds it but without a Spring context or a server: sentences from the
 * real {@code messages*.properties} through a plain {@link ResourceBundleMessageSource} set up as
 * {@code application.yaml} sets up Spring Boot's, and a refusal as the problem details the API answers with.
 * Chinese unless a test names another language, as the API answers by default.
 */
public final class AsAnswered {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static final Sentences SENTENCES = new Sentences(messages());
    private static final ProblemDetails PROBLEMS =
            new ProblemDetails(SENTENCES, JsonMapper.builder().build());

    private AsAnswered() {}

    /** The problem details the API builds, on the application's message bundles. */
    public static ProblemDetails problems() {
        return PROBLEMS;
    }

    /** The application's sentences, from its message bundles. */
    public static Sentences sentences() {
        return SENTENCES;
    }

    /** What the API answers, in Chinese, when {@code action} refuses; fails the test when it lets it through. */
    public static ProblemDetail refusal(Runnable action) {
        return refusal(CHINESE, action);
    }

    public static ProblemDetail refusal(Locale locale, Runnable action) {
        try {
            action.run();
        } catch (DomainProblem problem) {
            return PROBLEMS.of(problem, locale);
        }
        throw new AssertionError("expected a refusal, but it was let through");
    }

    /** A refusal's invalid fields and their messages, in the order the answer lists them. */
    public static Map<String, String> fieldErrors(ProblemDetail answer) {
        Map<String, String> errors = new LinkedHashMap<>();
        Object listed =
                answer.getProperties() == null ? null : answer.getProperties().get("errors");
        if (listed instanceof List<?> list) {
            for (Object error : list) {
                Map<?, ?> field = (Map<?, ?>) error;
                errors.put((String) field.get("field"), (String) field.get("message"));
            }
        }
        return errors;
    }

    /** The bundles as Spring Boot configures them from {@code spring.messages} in application.yaml. */
    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }
}
