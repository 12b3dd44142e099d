package dev.duijie.campaign;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A talent invited to one curated need of a campaign, with what the talent's inbox shows about both. */
public record Invitation(
        UUID id,
        UUID campaignId,
        String campaignTheme,
        @Nullable String incentives,
        UUID needId,
        String needTitle,
        UUID talentProfileId,
        Status status,
        Instant createdAt,
        @Nullable Instant respondedAt) {

    public enum Status {
        PENDING,
        ACCEPTED,
        DECLINED
    }
}
