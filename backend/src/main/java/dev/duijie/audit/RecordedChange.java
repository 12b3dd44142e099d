package dev.duijie.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change without the states before and after: when, who (and the name of the organization they
 * acted for, null when the platform acted by itself), what, on which thing.
 */
public record RecordedChange(
        UUID id,
        Instant occurredAt,
        String actorSubject,
        @Nullable UUID actorOrganization,
        @Nullable String actorOrganizationName,
        String action,
        String entityType,
        UUID entityId) {}
