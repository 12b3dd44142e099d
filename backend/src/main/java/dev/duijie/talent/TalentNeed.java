package dev.duijie.talent;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An enterprise's talent need; {@code openHeadcount} is the places no hire has taken yet. */
public record TalentNeed(
        UUID id,
        UUID organizationId,
        String organizationName,
        boolean organizationVerified,
        TalentNeedStatus status,
        TalentNeedContent content,
        int openHeadcount,
        @Nullable Instant publishedAt,
        @Nullable Instant closedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
