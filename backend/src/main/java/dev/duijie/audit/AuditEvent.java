package dev.duijie.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One recorded state change; {@code before} and {@code after} are JSON snapshots (null when absent). */
public record AuditEvent(
        UUID id,
        Instant occurredAt,
        String actorSubject,
        @Nullable UUID actorOrganization,
        String action,
        String entityType,
        UUID entityId,
        @Nullable String before,
        @Nullable String after) {}
