package dev.duijie.web;

import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Quantity;
import dev.duijie.shared.Sentences;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds localized RFC 9457 problem details: stable {@code type}, human title, a detail that says what to fix. */
@Component
public class ProblemDetails {

    private final Sentences sentences;
    private final JsonMapper json;

    ProblemDetails(Sentences sentences, JsonMapper json) {
        this.sentences = sentences;
        this.json = json;
    }

    /** A field that failed validation, with its localized message. */
    public record FieldError(String field, String message) {}

    public ProblemDetail of(
            ProblemType type, String detailKey, Object[] detailArgs, List<FieldError> fieldErrors, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(type.status());
        problem.setType(type.uri());
        problem.setTitle(message(type.titleKey(), new Object[0], locale));
        problem.setDetail(message(detailKey, detailArgs, locale));
        if (!fieldErrors.isEmpty()) {
            problem.setProperty(
                    "errors",
                    fieldErrors.stream()
                            .map(error -> Map.of("field", error.field(), "message", error.message()))
                            .toList());
        }
        return problem;
    }

    /**
     * A constraint of the contract a field broke (minimum, maximum, …), its limit in the field's units: the
     * contract names every amount in fen {@code …Fen} and every rate or share in basis points {@code …Bp}.
     */
    public FieldError violation(String field, MessageSourceResolvable constraint, Locale locale) {
        Object[] args = constraint.getArguments();
        MessageSourceResolvable inUnits = new DefaultMessageSourceResolvable(
                constraint.getCodes(), args == null ? null : inUnitsOf(field, args), constraint.getDefaultMessage());
        return new FieldError(field, sentences.say(inUnits, locale));
    }

    /** A constraint's whole-number limits as money or a percentage when the field holds fen or basis points. */
    private static Object[] inUnitsOf(String field, Object[] args) {
        String name = field.substring(field.lastIndexOf('.') + 1);
        boolean fen = name.endsWith("Fen");
        if (!fen && !name.endsWith("Bp")) {
            return args;
        }
        return Arrays.stream(args)
                .map(arg -> arg instanceof Long || arg instanceof Integer
                        ? fen
                                ? Quantity.fen(((Number) arg).longValue())
                                : Quantity.basisPoints(((Number) arg).longValue())
                        : arg)
                .toArray();
    }

    public ProblemDetail of(DomainProblem problem, Locale locale) {
        List<FieldError> fieldErrors = problem.fieldProblems().stream()
                .map(field -> new FieldError(field.field(), message(field.messageKey(), field.args(), locale)))
                .toList();
        return of(problem.type(), problem.detailKey(), problem.detailArgs(), fieldErrors, locale);
    }

    /** Writes the problem as the whole response, for filters that answer before Spring MVC does. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), asMap(problem));
    }

    private Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    public String message(String key, Object[] args, Locale locale) {
        return sentences.say(key, locale, args);
    }
}
