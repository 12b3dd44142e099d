package dev.duijie.financing;

import dev.duijie.audit.AuditTrail;
import dev.duijie.organization.OrganizationService;
import dev.duijie.organization.OrganizationType;
import dev.duijie.referencedata.ReferenceData;
import dev.duijie.search.SearchOutbox;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.Fingerprint;
import dev.duijie.shared.IdempotencyKeys;
import dev.duijie.shared.Page;
import dev.duijie.shared.PageCursor;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Role;
import dev.duijie.shared.Versions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The financing request lifecycle and who may see what: drafts only their owner; open requests of
 * verified enterprises also verified lenders and the regulator; for anyone else a request does not exist.
 */
@Service
public class FinancingRequestService {

    static final Duration SHORTEST_BIDDING = Duration.ofHours(1);
    static final Duration LONGEST_BIDDING = Duration.ofDays(90);

    private final FinancingRequests requests;
    private final FinancingRequestDocuments documents;
    private final OrganizationService organizations;
    private final ReferenceData referenceData;
    private final IdempotencyKeys idempotencyKeys;
    private final SearchOutbox searchOutbox;
    private final AuditTrail audit;
    private final Clock clock;

    FinancingRequestService(FinancingRequests requests, FinancingRequestDocuments documents,
            OrganizationService organizations, ReferenceData referenceData, IdempotencyKeys idempotencyKeys,
            SearchOutbox searchOutbox, AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.documents = documents;
        this.organizations = organizations;
        this.referenceData = referenceData;
        this.idempotencyKeys = idempotencyKeys;
        this.searchOutbox = searchOutbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** An enterprise creates a draft (verified or not: only publishing needs verification). */
    @Transactional
    public FinancingRequest create(Caller caller, RequestContent content, @Nullable String idempotencyKey) {
        caller.requireAnyRole(Role.ENTERPRISE);
        UUID organizationId = organizations.requireOwn(caller, OrganizationType.ENTERPRISE).id();
        UUID id = UUID.randomUUID();
        var earlier = idempotencyKeys.claim(caller, "create-financing-request", idempotencyKey,
                Fingerprint.of(content), id);
        if (earlier.isPresent()) {
            return requests.find(earlier.get()).orElseThrow();
        }
        checkContent(content);
        requests.insert(id, organizationId, content, clock.instant(), caller.subject());
        return changed(caller, "created", null, id);
    }

    public FinancingRequest get(Caller caller, UUID id) {
        return requests.find(id).filter(request -> visibleTo(caller, request)).orElseThrow(FinancingRequestService::notFound);
    }

    public Page<FinancingRequest> listOwn(Caller caller, @Nullable FinancingRequestStatus status, @Nullable String cursor,
            int limit) {
        caller.requireAnyRole(Role.ENTERPRISE);
        List<FinancingRequest> rows = requests.ownNewestFirst(caller.requireOrganization(), status,
                PageCursor.decode(cursor), limit + 1);
        return Page.of(rows, limit, r -> new PageCursor(r.createdAt(), r.id()));
    }

    /** Replaces a draft's content if the caller read the current version. */
    @Transactional
    public FinancingRequest update(Caller caller, UUID id, long expectedVersion, RequestContent content) {
        FinancingRequest current = owned(caller, id);
        Versions.check(expectedVersion, current.version());
        requireStatus(current, FinancingRequestStatus.DRAFT, "problem.detail.only-drafts-editable");
        checkContent(content);
        if (!requests.updateDraft(id, current.version(), content, clock.instant())) {
            // changed between our read and our write
            throw new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version");
        }
        return changed(caller, "updated", current, id);
    }

    /** draft → open until the bid deadline; the owner organization must be verified. */
    @Transactional
    public FinancingRequest publish(Caller caller, UUID id, long expectedVersion, Instant bidDeadline) {
        FinancingRequest current = owned(caller, id);
        Versions.check(expectedVersion, current.version());
        organizations.requireVerified(caller, OrganizationType.ENTERPRISE);
        requireStatus(current, FinancingRequestStatus.DRAFT, "problem.detail.only-drafts-publishable");
        Instant now = clock.instant();
        if (bidDeadline.isBefore(now.plus(SHORTEST_BIDDING)) || bidDeadline.isAfter(now.plus(LONGEST_BIDDING))) {
            throw DomainProblem.invalidField("bidDeadline", "field.bid-deadline.range");
        }
        if (!requests.publish(id, current.version(), bidDeadline, now)) {
            // changed between our read and our write
            throw new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version");
        }
        return changed(caller, "published", current, id);
    }

    /** draft or open → withdrawn. Final. */
    @Transactional
    public FinancingRequest withdraw(Caller caller, UUID id, long expectedVersion) {
        FinancingRequest current = owned(caller, id);
        Versions.check(expectedVersion, current.version());
        if (current.status() != FinancingRequestStatus.DRAFT && current.status() != FinancingRequestStatus.OPEN) {
            throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.not-withdrawable");
        }
        if (!requests.withdraw(id, current.version(), clock.instant())) {
            throw new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version");
        }
        return changed(caller, "withdrawn", current, id);
    }

    /** After a change: tell the search index and the audit trail, and return the new state. */
    private FinancingRequest changed(Caller caller, String action, @Nullable FinancingRequest before, UUID id) {
        FinancingRequest after = requests.find(id).orElseThrow();
        searchOutbox.changed(documents, id);
        audit.record(caller, "financing-request." + action, "financing-request", id, before, after);
        return after;
    }

    boolean visibleTo(Caller caller, FinancingRequest request) {
        if (caller.belongsTo(request.organizationId())) {
            return true;
        }
        if (!request.onTheMarket(clock.instant())) {
            return false;
        }
        return caller.has(Role.REGULATOR) || organizations.isVerifiedLender(caller);
    }

    private FinancingRequest owned(Caller caller, UUID id) {
        caller.requireAnyRole(Role.ENTERPRISE);
        return requests.find(id)
                .filter(request -> caller.belongsTo(request.organizationId()))
                .orElseThrow(FinancingRequestService::notFound);
    }

    private void checkContent(RequestContent content) {
        if (content.collateralOffered().contains("none") && content.collateralOffered().size() > 1) {
            throw DomainProblem.invalidField("collateralOffered", "field.collateral.none-with-others");
        }
        referenceData.requireIndustry("industry", content.industry());
        referenceData.requireRegion("region", content.region());
    }

    private static void requireStatus(FinancingRequest request, FinancingRequestStatus expected, String detailKey) {
        if (request.status() != expected) {
            throw new DomainProblem(ProblemType.INVALID_STATE, detailKey);
        }
    }

    private static DomainProblem notFound() {
        return new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.financing-request-not-found");
    }
}
