package dev.duijie.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the regulator narrows the trail to; every part is optional and all given parts must hold.
 *
 * @param from              events at or after this time
 * @param to                events before this time (the range is half-open)
 * @param actorOrganization events by people acting for this organization
 * @param action            events of this action, e.g. {@code organization.verified}
 */
public record AuditFilter(
        @Nullable String entityType,
        @Nullable UUID entityId,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable UUID actorOrganization,
        @Nullable String action) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);
}
