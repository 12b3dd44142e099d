package dev.duijie.console.offers;

import dev.duijie.console.backend.model.MatchFactor;
import java.util.List;

/**
 * One reason a request fits, as the backend gave it: its sentence and its share of the score in whole percent,
 * for a bar.
 *
 * @param factor the factor's name in the contract, e.g. {@code amount}
 * @param explanation the backend's sentence, in the person's language
 * @param percent this factor's share of the score, 0–100
 */
public record Reason(String factor, String explanation, int percent) {

    /** The backend's factors, each with its share of their sum. */
    public static List<Reason> of(List<MatchFactor> why) {
        double total = why.stream().mapToDouble(MatchFactor::getContribution).sum();
        return why.stream()
                .map(f -> new Reason(
                        f.getFactor().getValue(),
                        f.getExplanation(),
                        total <= 0 ? 0 : (int) Math.round(f.getContribution() * 100 / total)))
                .toList();
    }
}
