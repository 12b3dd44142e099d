package dev.duijie.offer;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An investor's interest in an open financing request. */
public record Interest(
        UUID financingRequestId,
        UUID investorOrganizationId,
        String investorName,
        @Nullable UUID investmentOfferId,
        @Nullable String note,
        Instant createdAt) {}
