package dev.duijie.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A campaign and the ids of the needs curated into it. */
public record Campaign(
        UUID id,
        CampaignStatus status,
        String theme,
        LocalDate startsOn,
        LocalDate endsOn,
        List<String> targetRegions,
        @Nullable String incentives,
        List<UUID> needIds,
        @Nullable Instant closedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** What the bureau writes when it starts a campaign. */
    public record Draft(
            String theme,
            LocalDate startsOn,
            LocalDate endsOn,
            List<String> targetRegions,
            @Nullable String incentives) {}
}
