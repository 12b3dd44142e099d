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
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The financing request lifecycle and who may see what: drafts only their owner; open requests of
 * verified enterprises also verified lenders and the regulator; for anyone else a request does not exist.
 */
@Service
public class FinancingRequestService {

    private final FinancingRequests requests;
    private final FinancingRequestDocuments documents;
    private final OrganizationService organizations;
    private final BidParties bidParties;
    private final ReferenceData referenceData;
    private final IdempotencyKeys idempotencyKeys;
    private final SearchOutbox searchOutbox;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FinancingRequestService(
            FinancingRequests requests,
            FinancingRequestDocuments documents,
            OrganizationService organizations,
            BidParties bidParties,
            ReferenceData referenceData,
            IdempotencyKeys idempotencyKeys,
            SearchOutbox searchOutbox,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.requests = requests;
        this.documents = documents;
        this.organizations = organizations;
        this.bidParties = bidParties;
        this.referenceData = referenceData;
        this.idempotencyKeys = idempotencyKeys;
        this.searchOutbox = searchOutbox;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** An enterprise creates a draft (verified or not: only publishing needs verification). */
    @Transactional
    public FinancingRequest create(Caller caller, RequestContent content, @Nullable String idempotencyKey) {
        caller.requireAnyRole(Role.ENTERPRISE);
        UUID organizationId =
                organizations.requireOwn(caller, OrganizationType.ENTERPRISE).id();
        UUID id = UUID.randomUUID();
        var earlier =
                idempotencyKeys.claim(caller, "create-financing-request", idempotencyKey, Fingerprint.of(content), id);
        if (earlier.isPresent()) {
            return requests.find(earlier.get()).orElseThrow();
        }
        checkContent(content);
        requests.insert(id, organizationId, content, clock.instant(), caller.subject());
        return changed(caller, "created", null, id);
    }

    public FinancingRequest get(Caller caller, UUID id) {
        FinancingRequest request =
                requests.find(id).filter(r -> visibleTo(caller, r)).orElseThrow(FinancingRequestService::notFound);
        return asSeenBy(caller, request);
    }

    /**
     * Of these requests, the ones the caller may read, each exactly as {@link #get} gives it to the caller; the
     * others (and unknown ids) are left out, as {@link #get} would answer them 404.
     */
    public Map<UUID, FinancingRequest> readable(Caller caller, Collection<UUID> ids) {
        Map<UUID, FinancingRequest> readable = new HashMap<>();
        for (FinancingRequest request : requests.findAll(ids)) {
            if (visibleTo(caller, request)) {
                readable.put(request.id(), asSeenBy(caller, request));
            }
        }
        return readable;
    }

    /**
     * A published request still taking bids and interest, share-locked for the caller's transaction so it
     * cannot close while a bid is being placed: a draft (or nothing) is a 404, a closed one a 409.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public FinancingRequest openToLenders(UUID id) {
        FinancingRequest request = requests.lockShared(id)
                .filter(r -> r.status() != FinancingRequestStatus.DRAFT)
                .orElseThrow(FinancingRequestService::notFound);
        FinancingRequestRules.requireOnTheMarket(request, clock.instant());
        return request;
    }

    /** The organization that owns a request. */
    public Optional<UUID> ownerOf(UUID id) {
        return requests.find(id).map(FinancingRequest::organizationId);
    }

    public Page<FinancingRequest> listOwn(
            Caller caller, @Nullable FinancingRequestStatus status, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.ENTERPRISE);
        List<FinancingRequest> rows =
                requests.ownNewestFirst(caller.requireOrganization(), status, PageCursor.decode(cursor), limit + 1);
        return Page.of(rows, limit, r -> new PageCursor(r.createdAt(), r.id()));
    }

    /** Replaces a draft's content if the caller read the current version. */
    @Transactional
    public FinancingRequest update(Caller caller, UUID id, long expectedVersion, RequestContent content) {
        FinancingRequest current = owned(caller, id);
        Versions.check(expectedVersion, current.version());
        FinancingRequestRules.requireEditable(current);
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
        FinancingRequestRules.requirePublishable(current);
        Instant now = clock.instant();
        FinancingRequestRules.checkBidDeadline(bidDeadline, now);
        if (!requests.publish(id, current.version(), bidDeadline, now)) {
            // changed between our read and our write
            throw new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version");
        }
        events.publishEvent(new FinancingRequestPublished(id, now));
        return changed(caller, "published", current, id);
    }

    /** draft or open → withdrawn. Final. */
    @Transactional
    public FinancingRequest withdraw(Caller caller, UUID id, long expectedVersion) {
        FinancingRequest current = owned(caller, id);
        Versions.check(expectedVersion, current.version());
        FinancingRequestRules.requireWithdrawable(current);
        if (!requests.withdraw(id, current.version(), clock.instant())) {
            // changed meanwhile: awarded by a concurrent accept (409), or edited (412)
            boolean stillWithdrawable = requests.find(id)
                    .map(r -> FinancingRequestRules.withdrawable(r.status()))
                    .orElse(false);
            throw stillWithdrawable
                    ? new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version")
                    : FinancingRequestRules.notWithdrawable();
        }
        events.publishEvent(new FinancingRequestClosed(id, FinancingRequestStatus.WITHDRAWN, caller));
        return changed(caller, "withdrawn", current, id);
    }

    /**
     * Locks the caller's own open request for awarding, inside the caller's transaction: a concurrent
     * accept or withdrawal waits, then finds it no longer open (409).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public FinancingRequest lockForAward(Caller caller, UUID id) {
        caller.requireAnyRole(Role.ENTERPRISE);
        FinancingRequest request = requests.lock(id)
                .filter(r -> caller.belongsTo(r.organizationId()))
                .orElseThrow(FinancingRequestService::notFound);
        FinancingRequestRules.requireOpenForAward(request, clock.instant());
        return request;
    }

    /** open → awarded to {@code bidId}; the request must have been locked with {@link #lockForAward}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public FinancingRequest award(Caller caller, FinancingRequest locked, UUID bidId) {
        if (!requests.award(locked.id(), bidId, clock.instant())) {
            throw FinancingRequestRules.notOpenForAward();
        }
        events.publishEvent(new FinancingRequestClosed(locked.id(), FinancingRequestStatus.AWARDED, caller));
        return changed(caller, "awarded", locked, locked.id());
    }

    /**
     * open → expired for requests whose bid deadline passed without an award. Rows are claimed with
     * SKIP LOCKED, so several backend instances running this at once never expire one request twice.
     */
    @Transactional
    public int expireDue(Caller system) {
        Instant now = clock.instant();
        List<FinancingRequest> due = requests.lockDueForExpiry(now, 100);
        for (FinancingRequest request : due) {
            requests.expire(request.id(), now);
            events.publishEvent(new FinancingRequestClosed(request.id(), FinancingRequestStatus.EXPIRED, system));
            changed(system, "expired", request, request.id());
        }
        return due.size();
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
        if (request.onTheMarket(clock.instant())
                && (caller.has(Role.REGULATOR) || organizations.isVerifiedLender(caller))) {
            return true;
        }
        // a bank or guarantor follows the request it bid on, after it closes too (asked last: it is a query)
        UUID callerOrganization = caller.organizationId();
        return callerOrganization != null
                && request.status() != FinancingRequestStatus.DRAFT
                && bidParties.isOnABid(request.id(), callerOrganization);
    }

    /** Which bid won is the requesting firm's to know; bidders learn their own bid's fate from the bid. */
    private static FinancingRequest asSeenBy(Caller caller, FinancingRequest request) {
        return caller.belongsTo(request.organizationId()) ? request : request.withoutAwardedBid();
    }

    private FinancingRequest owned(Caller caller, UUID id) {
        caller.requireAnyRole(Role.ENTERPRISE);
        return requests.find(id)
                .filter(request -> caller.belongsTo(request.organizationId()))
                .orElseThrow(FinancingRequestService::notFound);
    }

    private void checkContent(RequestContent content) {
        FinancingRequestRules.checkContent(content);
        referenceData.requireIndustry("industry", content.industry());
        referenceData.requireRegion("region", content.region());
    }

    private static DomainProblem notFound() {
        return new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.financing-request-not-found");
    }
}
