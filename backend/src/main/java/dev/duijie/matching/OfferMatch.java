package dev.duijie.matching;

import java.util.List;

/** An offer (loan product, guarantee product or investment offer) that fits a request, its score and why. */
public record OfferMatch<O>(O offer, double score, List<MatchFactor> why) {}
