package dev.duijie.console.signin;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * The signed-in person as the console knows them: who they are (from the ID token), and the marketplace roles
 * and organization their access token carries, which is what the backend will judge them by. Kept in the
 * session, so it is serializable.
 */
public final class Person extends DefaultOidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The marketplace's realm roles, in the order a home page is chosen when someone holds several. */
    public static final List<String> ROLES =
            List.of("enterprise", "bank", "guarantor", "investor", "talent_bureau", "regulator", "talent");

    private final List<String> roles;
    private final @Nullable UUID organizationId;

    Person(
            Collection<? extends GrantedAuthority> authorities,
            OidcIdToken idToken,
            @Nullable OidcUserInfo userInfo,
            List<String> roles,
            @Nullable UUID organizationId) {
        super(authorities, idToken, userInfo, "preferred_username");
        this.roles = List.copyOf(roles);
        this.organizationId = organizationId;
    }

    /** The marketplace roles this person holds (realm roles the console knows), most specific first. */
    public List<String> roles() {
        return roles;
    }

    /** The role whose home page this person sees; null for someone with no marketplace role yet. */
    public @Nullable String mainRole() {
        return roles.isEmpty() ? null : roles.getFirst();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        return Set.of(wanted).stream().anyMatch(roles::contains);
    }

    public @Nullable UUID organizationId() {
        return organizationId;
    }

    /** The name to greet: the person's full name when Keycloak has one, else their username. */
    public String displayName() {
        String fullName = getFullName();
        return fullName == null || fullName.isBlank() ? getName() : fullName;
    }
}
