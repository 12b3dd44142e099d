package dev.duijie.matching;

/**
 * One reason a result ranks where it does.
 *
 * @param factor       a stable code, e.g. {@code amount}
 * @param contribution what it added to the score (0 for an eligibility fact that only filters)
 * @param sentence     the reason in the caller's language
 */
public record MatchFactor(String factor, double contribution, String sentence) {}
