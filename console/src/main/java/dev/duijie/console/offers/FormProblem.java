package dev.duijie.console.offers;

import dev.duijie.console.backend.BackendProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.client.RestClientResponseException;

/**
 * What a form shows after a failed save: the message beside each field (by its name in the contract), the
 * backend's summary, and whether it was a stale edit (412). Put in the model as {@code errors}, {@code failure},
 * {@code otherErrors} and {@code stale}.
 */
public final class FormProblem {

    private FormProblem() {}

    /** A form shown for the first time: no messages. */
    public static void none(Model model) {
        model.addAttribute("errors", Map.of());
        model.addAttribute("otherErrors", List.of());
        model.addAttribute("stale", false);
    }

    /** Fields the console could not read (e.g. letters typed as an amount), before asking the backend. */
    public static void unreadable(Model model, Map<String, String> errors) {
        none(model);
        model.addAttribute("errors", errors);
    }

    /** The backend's answer: messages beside the form's fields, the rest in the summary. */
    public static void from(Model model, RestClientResponseException failure, List<String> shownFields) {
        BackendProblem problem = BackendProblem.from(failure);
        model.addAttribute("errors", new LinkedHashMap<>(problem.fieldErrors()));
        model.addAttribute("otherErrors", problem.otherFieldErrors(shownFields));
        model.addAttribute("stale", problem.stale());
        if (problem.fieldErrors().isEmpty() || problem.stale()) {
            // with messages beside the fields, the form's own plain summary says what to do (the backend's
            // detail then speaks of its "errors" list, which is for programmers)
            model.addAttribute("failure", summary(problem));
        }
    }

    /** One line for a notice: the backend's detail, else its title. */
    public static String summary(BackendProblem problem) {
        @Nullable String detail = problem.detail();
        return detail == null || detail.isBlank() ? problem.title() : detail;
    }
}
