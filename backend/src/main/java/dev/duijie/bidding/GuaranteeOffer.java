package dev.duijie.bidding;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A guarantor's own, sealed offer to guarantee a request's loan (see {@link GuaranteeOfferService}). */
public record GuaranteeOffer(
        UUID id,
        UUID financingRequestId,
        UUID guarantorOrganizationId,
        String guarantorName,
        UUID guaranteeProductId,
        Status status,
        int coverageRatioBp,
        int annualFeeRateBp,
        @Nullable String conditions,
        Instant validUntil,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public enum Status {
        SUBMITTED,
        ACCEPTED,
        DECLINED,
        WITHDRAWN
    }

    /** What the guarantor offers, as submitted. */
    public record Terms(
            UUID guaranteeProductId,
            int coverageRatioBp,
            int annualFeeRateBp,
            @Nullable String conditions,
            Instant validUntil) {}
}
