package dev.duijie.shared;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling: the token's subject, realm roles and organization.
 *
 * @param subject        the Keycloak user id ({@code sub})
 * @param organizationId the organization the user acts for, null when the token names none (e.g. a talent)
 */
public record Caller(
        String subject, Set<Role> roles, @Nullable UUID organizationId) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... anyOf) {
        return Arrays.stream(anyOf).anyMatch(roles::contains);
    }

    /** Throws 403 unless the caller has one of these roles. */
    public void requireAnyRole(Role... anyOf) {
        if (!hasAny(anyOf)) {
            throw new DomainProblem(ProblemType.FORBIDDEN, "problem.forbidden.role");
        }
    }

    /** The caller's organization; 403 when the token names none. */
    public UUID requireOrganization() {
        if (organizationId == null) {
            throw new DomainProblem(ProblemType.FORBIDDEN, "problem.forbidden.no-organization");
        }
        return organizationId;
    }

    public boolean belongsTo(UUID organization) {
        return organization.equals(organizationId);
    }
}
