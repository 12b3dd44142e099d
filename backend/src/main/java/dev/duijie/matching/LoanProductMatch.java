package dev.duijie.matching;

import dev.duijie.offer.LoanProduct;
import java.util.List;

/** A loan product that fits a request, its score and why. */
public record LoanProductMatch(LoanProduct product, double score, List<MatchFactor> why) {
}
