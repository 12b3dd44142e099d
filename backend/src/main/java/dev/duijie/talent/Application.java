package dev.duijie.talent;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A talent's application to a need, with the need's title and owner for display and access checks. */
public record Application(
        UUID id,
        UUID needId,
        String needTitle,
        UUID organizationId,
        UUID talentProfileId,
        @Nullable UUID referrerProfileId,
        @Nullable UUID campaignId,
        ApplicationStatus status,
        @Nullable String coverLetter,
        @Nullable Instant decidedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
