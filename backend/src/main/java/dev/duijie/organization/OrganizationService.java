package dev.duijie.organization;

import dev.duijie.audit.AuditTrail;
import dev.duijie.referencedata.ReferenceData;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.Fingerprint;
import dev.duijie.shared.IdempotencyKeys;
import dev.duijie.shared.Page;
import dev.duijie.shared.PageCursor;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Role;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering, verifying and reading organizations. */
@Service
public class OrganizationService {

    private final Organizations organizations;
    private final ReferenceData referenceData;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditTrail audit;
    private final Clock clock;

    OrganizationService(
            Organizations organizations,
            ReferenceData referenceData,
            IdempotencyKeys idempotencyKeys,
            AuditTrail audit,
            Clock clock) {
        this.organizations = organizations;
        this.referenceData = referenceData;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
        this.clock = clock;
    }

    /** The regulator registers an organization; it starts unverified. */
    @Transactional
    public Organization register(Caller caller, Registration registration, @Nullable String idempotencyKey) {
        caller.requireAnyRole(Role.REGULATOR);
        UUID id = UUID.randomUUID();
        var earlier = idempotencyKeys.claim(
                caller, "register-organization", idempotencyKey, Fingerprint.of(registration), id);
        if (earlier.isPresent()) {
            return organizations.find(earlier.get()).orElseThrow();
        }
        if (!CreditCode.isValid(registration.creditCode())) {
            throw DomainProblem.invalidField("creditCode", "field.credit-code.check-digit");
        }
        referenceData.requireRegion("region", registration.region());
        referenceData.requireIndustries("industries", registration.industries());
        if (registration.type() != OrganizationType.ENTERPRISE
                && (registration.tier() != null || !registration.flags().isEmpty())) {
            throw DomainProblem.invalidField("tier", "field.tier.enterprise-only");
        }
        if (organizations.creditCodeTaken(registration.creditCode())) {
            throw new DomainProblem(ProblemType.DUPLICATE, "problem.detail.credit-code-taken");
        }
        try {
            organizations.insert(id, registration, clock.instant(), caller.subject());
        } catch (DuplicateKeyException registeredMeanwhile) {
            throw new DomainProblem(ProblemType.DUPLICATE, "problem.detail.credit-code-taken");
        }
        Organization registered = organizations.find(id).orElseThrow();
        audit.record(caller, "organization.registered", "organization", id, null, registered);
        return registered;
    }

    /** The regulator confirms it checked the licence. Verifying again changes nothing. */
    @Transactional
    public Organization verify(Caller caller, UUID id, boolean licenceChecked, @Nullable String note) {
        caller.requireAnyRole(Role.REGULATOR);
        if (!licenceChecked) {
            throw DomainProblem.invalidField("licenceChecked", "field.licence-checked.required");
        }
        Organization before = organizations.find(id).orElseThrow(OrganizationService::notFound);
        if (!organizations.markVerified(id, clock.instant(), caller.subject(), note)) {
            return before;
        }
        Organization verified = organizations.find(id).orElseThrow();
        audit.record(caller, "organization.verified", "organization", id, before, verified);
        return verified;
    }

    /** The regulator reads any organization; a member reads their own; for anyone else it does not exist. */
    public Organization get(Caller caller, UUID id) {
        if (!caller.has(Role.REGULATOR) && !caller.belongsTo(id)) {
            throw notFound();
        }
        return organizations.find(id).orElseThrow(OrganizationService::notFound);
    }

    public Organization mine(Caller caller) {
        UUID id = caller.organizationId();
        if (id == null) {
            throw notFound();
        }
        return organizations.find(id).orElseThrow(OrganizationService::notFound);
    }

    /** The regulator's list, newest first: every organization, or only the verified ones, or only those waiting. */
    public Page<Organization> list(Caller caller, @Nullable Boolean verified, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.REGULATOR);
        List<Organization> rows = organizations.newestFirst(verified, PageCursor.decode(cursor), limit + 1);
        return Page.of(rows, limit, o -> new PageCursor(o.createdAt(), o.id()));
    }

    /**
     * The caller's organization, which must exist and be of the type the caller's role acts for (an
     * enterprise user for an enterprise, a bank officer for a bank...); 403 otherwise.
     */
    public Organization requireOwn(Caller caller, OrganizationType type) {
        return organizations
                .find(caller.requireOrganization())
                .filter(organization -> organization.type() == type)
                .orElseThrow(() -> new DomainProblem(ProblemType.FORBIDDEN, "problem.forbidden.no-organization"));
    }

    /** As {@link #requireOwn}, and verified by the regulator. */
    public Organization requireVerified(Caller caller, OrganizationType type) {
        Organization organization = requireOwn(caller, type);
        if (!organization.verified()) {
            throw new DomainProblem(ProblemType.ORGANIZATION_NOT_VERIFIED, "problem.detail.organization-not-verified");
        }
        return organization;
    }

    /** An organization by id, for other features' rules (no visibility check: never hand it to a caller as is). */
    public java.util.Optional<Organization> byId(UUID id) {
        return organizations.find(id);
    }

    /** Whether an organization exists, is of this type and is verified. */
    public boolean isVerified(UUID id, OrganizationType type) {
        return organizations
                .find(id)
                .filter(o -> o.type() == type && o.verified())
                .isPresent();
    }

    /**
     * A bank, guarantor or investor whose token role matches its verified organization's type: the only
     * callers besides the regulator who see the open market.
     */
    public boolean isVerifiedLender(Caller caller) {
        UUID id = caller.organizationId();
        if (id == null) {
            return false;
        }
        return organizations
                .find(id)
                .filter(Organization::verified)
                .filter(organization ->
                        lenderRoleOf(organization.type()).map(caller::has).orElse(false))
                .isPresent();
    }

    private static java.util.Optional<Role> lenderRoleOf(OrganizationType type) {
        return switch (type) {
            case BANK -> java.util.Optional.of(Role.BANK);
            case GUARANTOR -> java.util.Optional.of(Role.GUARANTOR);
            case INVESTOR_GROUP -> java.util.Optional.of(Role.INVESTOR);
            case ENTERPRISE, GOVERNMENT -> java.util.Optional.empty();
        };
    }

    private static DomainProblem notFound() {
        return new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.organization-not-found");
    }
}
