package dev.duijie.financing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A financing request as stored, with the owner organization's name for display. */
public record FinancingRequest(
        UUID id,
        UUID organizationId,
        String organizationName,
        boolean organizationVerified,
        FinancingRequestStatus status,
        RequestContent content,
        @Nullable Instant bidDeadline,
        @Nullable Instant publishedAt,
        @Nullable UUID awardedBidId,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public FinancingRequest withoutAwardedBid() {
        return new FinancingRequest(id, organizationId, organizationName, organizationVerified, status, content, bidDeadline,
                publishedAt, null, version, createdAt, updatedAt);
    }

    /** Only open requests of verified enterprises, before their bid deadline, are on the market (and in the index). */
    public boolean onTheMarket(Instant now) {
        return status == FinancingRequestStatus.OPEN && organizationVerified && bidDeadline != null && bidDeadline.isAfter(now);
    }
}
