package dev.duijie.shared;

import java.util.Locale;
import java.util.Optional;

/** The Keycloak realm roles: what kind of user the caller is (not whose data they may read). */
public enum Role {
    ENTERPRISE,
    BANK,
    GUARANTOR,
    INVESTOR,
    TALENT,
    TALENT_BUREAU,
    REGULATOR;

    /** The realm role name, e.g. {@code talent_bureau}. */
    public String realmRole() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromRealmRole(String realmRole) {
        for (Role role : values()) {
            if (role.realmRole().equals(realmRole)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
