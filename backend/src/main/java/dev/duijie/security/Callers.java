package dev.duijie.security;

import dev.duijie.shared.Caller;
import dev.duijie.shared.Role;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller of the current request, from its validated token. */
public final class Callers {

    /** The claim Keycloak fills from the user's {@code organization} attribute. */
    static final String ORGANIZATION_CLAIM = "organization";

    private Callers() {}

    public static Caller current() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("Every API operation is authenticated with a bearer token");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : token.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                Role.fromRealmRole(name.substring("ROLE_".length())).ifPresent(roles::add);
            }
        }
        return new Caller(
                // the decoder refuses a token without a subject (SecurityConfiguration)
                Objects.requireNonNull(token.getToken().getSubject()),
                roles,
                organization(token.getToken().getClaimAsString(ORGANIZATION_CLAIM)));
    }

    /** A claim that is not a UUID names no organization we know. */
    private static @Nullable UUID organization(@Nullable String claim) {
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
