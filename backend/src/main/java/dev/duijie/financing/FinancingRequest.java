package dev.duijie.financing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A financing request as stored, with what matching and display need of the owner organization: its name,
 * whether it is verified, and its size tier (null when not set).
 */
public record FinancingRequest(
        UUID id,
        UUID organizationId,
        String organizationName,
        boolean organizationVerified,
        @Nullable String organizationTier,
        FinancingRequestStatus status,
        RequestContent content,
        @Nullable Instant bidDeadline,
        @Nullable Instant publishedAt,
        @Nullable UUID awardedBidId,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public FinancingRequest withoutAwardedBid() {
        return new FinancingRequest(
                id,
                organizationId,
                organizationName,
                organizationVerified,
                organizationTier,
                status,
                content,
                bidDeadline,
                publishedAt,
                null,
                version,
                createdAt,
                updatedAt);
    }

    /** Only open requests of verified enterprises, before their bid deadline, are on the market (and in the index). */
    public boolean onTheMarket(Instant now) {
        return status == FinancingRequestStatus.OPEN
                && organizationVerified
                && bidDeadline != null
                && bidDeadline.isAfter(now);
    }
}
