package dev.duijie.console.financing;

import dev.duijie.console.backend.model.MatchFactor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A match's why, ready to draw: the factors that added to the score, each with its share of the score in percent
 * (the bar's width), and the eligibility facts (which add nothing) as sentences. The backend's figures, only
 * divided for display.
 */
@Component("whyBars")
public class WhyBars {

    /** One factor: its code, what it added, its share of the score in percent, and the backend's sentence. */
    public record Bar(String factor, double contribution, String share, String explanation) {}

    public List<Bar> bars(List<MatchFactor> why) {
        double total = why.stream().mapToDouble(MatchFactor::getContribution).sum();
        return why.stream()
                .filter(factor -> factor.getContribution() > 0)
                .map(factor -> new Bar(
                        factor.getFactor().getValue(),
                        factor.getContribution(),
                        BigDecimal.valueOf(total <= 0 ? 0 : factor.getContribution() * 100 / total)
                                .setScale(0, RoundingMode.HALF_UP)
                                .toPlainString(),
                        factor.getExplanation()))
                .toList();
    }

    /** The facts that made the offer eligible (they add nothing to the score). */
    public List<MatchFactor> facts(List<MatchFactor> why) {
        return why.stream().filter(factor -> factor.getContribution() <= 0).toList();
    }
}
