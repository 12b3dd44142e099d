package dev.duijie.shared;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error the API answers, with its stable {@code type} URI (documented in the contract)
 * and HTTP status. Titles and details are localized from {@code messages*.properties}.
 */
public enum ProblemType {
    VALIDATION_FAILED("validation-failed", HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
    ORGANIZATION_NOT_VERIFIED("organization-not-verified", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE),
    INVALID_STATE("invalid-state", HttpStatus.CONFLICT),
    DUPLICATE("duplicate", HttpStatus.CONFLICT),
    BIDDING_CLOSED("bidding-closed", HttpStatus.CONFLICT),
    BID_NOT_ELIGIBLE("bid-not-eligible", HttpStatus.CONFLICT),
    FUND_CAPACITY_EXCEEDED("fund-capacity-exceeded", HttpStatus.CONFLICT),
    STALE_VERSION("stale-version", HttpStatus.PRECONDITION_FAILED),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT),
    VERSION_REQUIRED("version-required", HttpStatus.PRECONDITION_REQUIRED),
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS),
    SEARCH_UNAVAILABLE("search-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    IDENTITY_UNAVAILABLE("identity-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    DATABASE_UNAVAILABLE("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR);

    private static final String BASE = "https://duijie.example.cn/problems/";

    private final String slug;
    private final HttpStatus status;

    ProblemType(String slug, HttpStatus status) {
        this.slug = slug;
        this.status = status;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public HttpStatus status() {
        return status;
    }

    /** Message key of the localized title. */
    public String titleKey() {
        return "problem.title." + slug;
    }
}
