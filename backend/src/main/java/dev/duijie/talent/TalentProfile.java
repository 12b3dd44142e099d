package dev.duijie.talent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A talent's profile; {@code subject} is the Keycloak user who owns it. */
public record TalentProfile(
        UUID id, String subject, TalentProfileContent content, long version, Instant createdAt, Instant updatedAt) {

    /**
     * What the audit trail keeps of a profile change. The regulator reads the trail, and may not see hidden
     * profiles, anonymous names or anyone's contact data: so which fields changed, not their values.
     */
    record AuditEntry(UUID id, Visibility visibility, long version, List<String> changedFields) {}

    AuditEntry auditEntry(@Nullable TalentProfile before) {
        return new AuditEntry(
                id, content.visibility(), version, content.fieldsChangedFrom(before == null ? null : before.content()));
    }
}
