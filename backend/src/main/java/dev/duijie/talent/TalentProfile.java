package dev.duijie.talent;

import java.time.Instant;
import java.util.UUID;

/** A talent's profile; {@code subject} is the Keycloak user who owns it. */
public record TalentProfile(UUID id, String subject, TalentProfileContent content, long version, Instant createdAt,
        Instant updatedAt) {

    TalentProfile withoutContact() {
        return new TalentProfile(id, subject, content.withoutContact(), version, createdAt, updatedAt);
    }
}
