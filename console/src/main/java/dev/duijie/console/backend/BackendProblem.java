package dev.duijie.console.backend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the backend said was wrong, ready to show: its problem details (already in the person's language, as the
 * console asks for it) with each field's message by the field's name in the contract, so a form can put it beside
 * the field. The backend is the one authority on every rule; the console only shows its answer.
 *
 * @param status the HTTP status the backend answered
 * @param type the problem's stable type, e.g. {@code https://duijie.example.cn/problems/stale-version}
 * @param title a short summary
 * @param detail what happened and what to fix
 * @param fieldErrors message per contract field path, e.g. {@code amountFen}
 */
public record BackendProblem(
        int status, String type, String title, @Nullable String detail, Map<String, String> fieldErrors) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TYPES = "https://duijie.example.cn/problems/";

    public static BackendProblem from(RestClientResponseException failure) {
        JsonNode body;
        try {
            body = JSON.readTree(failure.getResponseBodyAsString());
        } catch (JacksonException notJson) {
            body = JSON.createObjectNode();
        }
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        body.path("errors")
                .forEach(error -> fieldErrors.merge(
                        error.path("field").asString(""),
                        error.path("message").asString(""),
                        (first, next) -> first + "；" + next));
        return new BackendProblem(
                failure.getStatusCode().value(),
                body.path("type").asString(""),
                body.path("title").asString(failure.getStatusText()),
                body.hasNonNull("detail") ? body.path("detail").asString() : null,
                fieldErrors);
    }

    /** The kind of problem, the last part of its type, e.g. {@code stale-version}. */
    public String kind() {
        return type.startsWith(TYPES) ? type.substring(TYPES.length()) : type;
    }

    public boolean is(String kind) {
        return kind().equals(kind);
    }

    /** Someone changed the thing since this person read it (the backend answered 412). */
    public boolean stale() {
        return is("stale-version");
    }

    public @Nullable String fieldError(String field) {
        return fieldErrors.get(field);
    }

    /** Messages for fields the form does not show, so none is lost. */
    public List<String> otherFieldErrors(List<String> shownFields) {
        return fieldErrors.entrySet().stream()
                .filter(entry ->
                        shownFields.stream().noneMatch(shown -> entry.getKey().startsWith(shown)))
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .toList();
    }
}
