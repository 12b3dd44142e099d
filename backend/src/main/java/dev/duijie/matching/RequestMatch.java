package dev.duijie.matching;

import dev.duijie.financing.FinancingRequest;
import java.util.List;

/** An open request that fits a bank's product, its score and why. */
public record RequestMatch(FinancingRequest request, double score, List<MatchFactor> why) {}
