package dev.duijie.shared;

import org.jspecify.annotations.Nullable;

/** ETag / If-Match: a resource's version number, quoted, e.g. {@code "3"}. */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header names. Missing → 428; not one of our ETags → 412 (it cannot match).
     */
    public static long fromIfMatch(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainProblem(ProblemType.VERSION_REQUIRED, "problem.detail.version-required");
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!value.matches("[0-9]{1,18}")) {
            throw new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version");
        }
        return Long.parseLong(value);
    }
}
