package dev.duijie.console.offers;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.model.OfferStatus;
import dev.duijie.console.backend.model.OfferStatusChange;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plumbing of the pages where a guarantee company keeps its guarantee products and an investor its investment
 * offers: a page of them for the list ({@code offers/own :: list} shows it), a form saved or shown again with
 * what to fix, and a status change told on the list. What the list reads: {@code offers}, {@code nextCursor} and
 * the notices {@code saved}, {@code changed} with {@code changedTo}, and {@code failure}.
 */
@Component
public class OwnOffers {

    private final InputMessages messages;

    OwnOffers(InputMessages messages) {
        this.messages = messages;
    }

    /**
     * The status changes an offer's owner may ask for from its list, e.g. a draft can be activated or retired. Only
     * which buttons to show: the backend decides whether the change is allowed.
     */
    public List<String> statusChanges(String status) {
        return switch (status) {
            case "draft", "paused" -> List.of("active", "retired");
            case "active" -> List.of("paused", "retired");
            default -> List.of();
        };
    }

    /** One page of the company's own offers, for the list. */
    public void showPage(Model model, List<?> offers, @Nullable String nextCursor) {
        model.addAttribute("offers", offers);
        model.addAttribute("nextCursor", nextCursor);
    }

    /**
     * Saves a form when the console could read it: {@code save} sends it and answers the saved offer's name, told
     * on the list. Otherwise, or when the backend refuses it, what to fix goes in the model for the form shown again
     * ({@link FormProblem}: the backend's messages beside {@code fields}).
     *
     * @param unreadable field (as the contract names it) → kind of input the console could not read
     * @return whether it was saved
     */
    public boolean save(
            Map<String, String> unreadable,
            Supplier<String> save,
            List<String> fields,
            Model model,
            RedirectAttributes redirect) {
        if (!unreadable.isEmpty()) {
            FormProblem.unreadable(model, messages.resolve(unreadable));
            return false;
        }
        try {
            redirect.addFlashAttribute("saved", save.get());
            return true;
        } catch (RestClientResponseException failure) {
            FormProblem.from(model, failure, fields);
            return false;
        }
    }

    /**
     * Moves an offer to {@code status} (activate, pause, retire) with {@code change}, the API's call, and tells the
     * list which offer became what, or why the backend refused.
     */
    public <T> void changeStatus(
            String status,
            Function<OfferStatusChange, ResponseEntity<T>> change,
            Function<T, String> name,
            Function<T, OfferStatus> statusOf,
            RedirectAttributes redirect) {
        try {
            T changed = Objects.requireNonNull(change.apply(new OfferStatusChange(OfferStatus.fromValue(status)))
                    .getBody());
            redirect.addFlashAttribute("changed", name.apply(changed));
            redirect.addFlashAttribute("changedTo", statusOf.apply(changed).getValue());
        } catch (RestClientResponseException failure) {
            redirect.addFlashAttribute("failure", FormProblem.summary(BackendProblem.from(failure)));
        }
    }
}
