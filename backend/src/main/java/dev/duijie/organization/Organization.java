package dev.duijie.organization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A registered organization. Verified once the regulator has checked its licence. */
public record Organization(
        UUID id,
        OrganizationType type,
        String name,
        CreditCode creditCode,
        String region,
        List<String> industries,
        @Nullable String tier,
        List<String> flags,
        @Nullable Instant verifiedAt,
        long version,
        Instant createdAt) {

    public boolean verified() {
        return verifiedAt != null;
    }
}
