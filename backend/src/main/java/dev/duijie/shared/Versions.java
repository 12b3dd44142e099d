package dev.duijie.shared;

import org.jspecify.annotations.Nullable;

/** ETag / If-Match: a resource's version number, quoted, e.g. {@code "3"}. */
public final class Versions {

    /** {@code If-Match: *} (or no If-Match where it is optional): whatever version is current. */
    public static final long ANY = -1;

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version a required If-Match names. Missing → 428; not one of our ETags → 412 (it cannot match). */
    public static long fromIfMatch(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainProblem(ProblemType.VERSION_REQUIRED, "problem.detail.version-required");
        }
        return parse(ifMatch);
    }

    /** The version an optional If-Match names, {@link #ANY} when there is none. */
    public static long fromOptionalIfMatch(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? ANY : parse(ifMatch);
    }

    /** Throws 412 unless {@code expected} is {@link #ANY} or the current version. */
    public static void check(long expected, long current) {
        if (expected != ANY && expected != current) {
            throw new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version");
        }
    }

    private static long parse(String ifMatch) {
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return ANY;
        }
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
