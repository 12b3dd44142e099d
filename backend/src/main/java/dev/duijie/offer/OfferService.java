package dev.duijie.offer;

import dev.duijie.audit.AuditTrail;
import dev.duijie.organization.OrganizationService;
import dev.duijie.search.IndexedDocuments;
import dev.duijie.search.SearchOutbox;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.Fingerprint;
import dev.duijie.shared.IdempotencyKeys;
import dev.duijie.shared.Page;
import dev.duijie.shared.PageCursor;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Versions;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * One kind of offer's lifecycle and visibility (a bean per kind, see {@link OfferConfiguration}). Active
 * offers are public to every signed-in user; drafts, paused and retired ones only to their owner.
 */
public class OfferService<O extends Offer<T>, T extends Record> {

    private final OfferStore<O, T> store;
    private final IndexedDocuments searchDocuments;
    private final SearchOutbox searchOutbox;
    private final Consumer<T> checkTerms;
    private final OrganizationService organizations;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * @param searchDocuments the matching index this kind of offer is in
     */
    OfferService(
            OfferStore<O, T> store,
            IndexedDocuments searchDocuments,
            SearchOutbox searchOutbox,
            Consumer<T> checkTerms,
            OrganizationService organizations,
            IdempotencyKeys idempotencyKeys,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock) {
        this.store = store;
        this.searchDocuments = searchDocuments;
        this.searchOutbox = searchOutbox;
        this.checkTerms = checkTerms;
        this.organizations = organizations;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The owner organization (of the publishing type) creates a draft; verification is needed only to activate. */
    @Transactional
    public O create(Caller caller, T terms, @Nullable String idempotencyKey) {
        OfferKind kind = store.kind();
        caller.requireAnyRole(kind.publisherRole);
        UUID owner = organizations.requireOwn(caller, kind.publisherType).id();
        UUID id = UUID.randomUUID();
        var earlier =
                idempotencyKeys.claim(caller, "create-" + kind.entityType, idempotencyKey, Fingerprint.of(terms), id);
        if (earlier.isPresent()) {
            return store.find(earlier.get()).orElseThrow();
        }
        checkTerms.accept(terms);
        store.insert(id, owner, terms, clock.instant(), caller.subject());
        return changed(caller, "created", null, id);
    }

    public O get(Caller caller, UUID id) {
        return store.find(id)
                .filter(offer -> offer.state().status() == OfferStatus.ACTIVE
                        || caller.belongsTo(offer.state().organizationId()))
                .orElseThrow(this::notFound);
    }

    /** With {@code mine}, the caller's organization's own in every status; else every active one. */
    public Page<O> list(Caller caller, boolean mine, @Nullable String cursor, int limit) {
        UUID owner = null;
        if (mine) {
            caller.requireAnyRole(store.kind().publisherRole);
            owner = organizations.requireOwn(caller, store.kind().publisherType).id();
        }
        return Page.of(
                store.newestFirst(owner, PageCursor.decode(cursor), limit + 1),
                limit,
                offer -> new PageCursor(offer.state().createdAt(), offer.state().id()));
    }

    @Transactional
    public O update(Caller caller, UUID id, long expectedVersion, T terms) {
        O current = owned(caller, id);
        Versions.check(expectedVersion, current.state().version());
        if (current.state().status() == OfferStatus.RETIRED) {
            throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.offer-retired");
        }
        checkTerms.accept(terms);
        if (!store.update(id, current.state().version(), terms, clock.instant())) {
            throw new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version");
        }
        return changed(caller, "updated", current, id);
    }

    /** Activate (the owner must be verified), pause, reactivate or retire. */
    @Transactional
    public O changeStatus(Caller caller, UUID id, long expectedVersion, OfferStatus target) {
        O current = owned(caller, id);
        Versions.check(expectedVersion, current.state().version());
        OfferStatus from = current.state().status();
        if (!from.next().contains(target)) {
            throw new DomainProblem(
                    ProblemType.INVALID_STATE, "problem.detail.offer-transition", wire(from), wire(target));
        }
        if (target == OfferStatus.ACTIVE) {
            organizations.requireVerified(caller, store.kind().publisherType);
        }
        // the table name comes from OfferKind, never from input
        int changed = jdbc.sql("update " + store.kind().table + """
                 set status = :status, version = version + 1, updated_at = :now
                where id = :id and version = :version""")
                .param("status", wire(target))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .param("version", current.state().version())
                .update();
        if (changed != 1) {
            throw new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version");
        }
        return changed(caller, wire(target), current, id);
    }

    private O owned(Caller caller, UUID id) {
        caller.requireAnyRole(store.kind().publisherRole);
        return store.find(id)
                .filter(offer -> caller.belongsTo(offer.state().organizationId()))
                .orElseThrow(this::notFound);
    }

    private O changed(Caller caller, String action, @Nullable O before, UUID id) {
        O after = store.find(id).orElseThrow();
        searchOutbox.changed(searchDocuments, id);
        audit.record(caller, store.kind().entityType + "." + action, store.kind().entityType, id, before, after);
        return after;
    }

    private DomainProblem notFound() {
        return new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.offer-not-found");
    }

    private static String wire(OfferStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
