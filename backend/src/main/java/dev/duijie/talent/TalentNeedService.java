package dev.duijie.talent;

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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The talent need lifecycle: drafts seen only by their owner; open, filled and closed needs of verified
 * enterprises by everyone signed in. Opening needs a verified owner; the last hire fills a need.
 */
@Service
public class TalentNeedService {

    private final TalentNeeds needs;
    private final OrganizationService organizations;
    private final ReferenceData referenceData;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditTrail audit;
    private final SearchOutbox searchOutbox;
    private final TalentNeedDocuments documents;
    private final Clock clock;

    TalentNeedService(
            TalentNeeds needs,
            OrganizationService organizations,
            ReferenceData referenceData,
            IdempotencyKeys idempotencyKeys,
            AuditTrail audit,
            SearchOutbox searchOutbox,
            TalentNeedDocuments documents,
            Clock clock) {
        this.needs = needs;
        this.organizations = organizations;
        this.referenceData = referenceData;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
        this.searchOutbox = searchOutbox;
        this.documents = documents;
        this.clock = clock;
    }

    @Transactional
    public TalentNeed create(Caller caller, TalentNeedContent content, @Nullable String idempotencyKey) {
        caller.requireAnyRole(Role.ENTERPRISE);
        UUID organizationId =
                organizations.requireOwn(caller, OrganizationType.ENTERPRISE).id();
        UUID id = UUID.randomUUID();
        var earlier = idempotencyKeys.claim(caller, "create-talent-need", idempotencyKey, Fingerprint.of(content), id);
        if (earlier.isPresent()) {
            return needs.find(earlier.get()).orElseThrow();
        }
        check(content);
        needs.insert(id, organizationId, content, clock.instant(), caller.subject());
        return changed(caller, "created", null, id);
    }

    public TalentNeed get(Caller caller, UUID id) {
        return visible(caller, id).orElseThrow(TalentNeedService::notFound);
    }

    /** The need if the caller may see it. */
    public Optional<TalentNeed> visible(Caller caller, UUID id) {
        return needs.find(id).filter(need -> TalentNeedRules.visibleTo(caller, need));
    }

    /** Those of these needs the caller may see, in the order of {@code ids}, read in one query. */
    public List<TalentNeed> visible(Caller caller, List<UUID> ids) {
        Map<UUID, TalentNeed> byId = needs.findAll(ids).stream()
                .filter(need -> TalentNeedRules.visibleTo(caller, need))
                .collect(Collectors.toMap(TalentNeed::id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Several needs at once, by id (for match results, read back from PostgreSQL). */
    public List<TalentNeed> findAll(Collection<UUID> ids) {
        return needs.findAll(ids);
    }

    /** The need whoever asks: for campaigns, which curate needs they have checked already. */
    public Optional<TalentNeed> find(UUID id) {
        return needs.find(id);
    }

    public Page<TalentNeed> listOwn(
            Caller caller, @Nullable TalentNeedStatus status, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.ENTERPRISE);
        List<TalentNeed> rows =
                needs.ownNewestFirst(caller.requireOrganization(), status, PageCursor.decode(cursor), limit + 1);
        return Page.of(rows, limit, need -> new PageCursor(need.createdAt(), need.id()));
    }

    /** Open needs, optionally for a skill (a group covers its skills) and a region (the county covers its towns). */
    public Page<TalentNeed> listOpen(
            @Nullable String skill, @Nullable String region, @Nullable String cursor, int limit) {
        if (skill != null) {
            referenceData.requireSkill("skill", skill);
        }
        if (region != null) {
            referenceData.requireRegion("region", region);
        }
        List<String> skills = skill == null
                ? List.of()
                : referenceData.withDescendants(ReferenceData.Vocabulary.SKILL, List.of(skill));
        List<String> regions = region == null
                ? List.of()
                : referenceData.withDescendants(ReferenceData.Vocabulary.REGION, List.of(region));
        List<TalentNeed> rows = needs.openNewestFirst(skills, regions, PageCursor.decode(cursor), limit + 1);
        return Page.of(rows, limit, need -> new PageCursor(Objects.requireNonNull(need.publishedAt()), need.id()));
    }

    @Transactional
    public TalentNeed update(Caller caller, UUID id, long expectedVersion, TalentNeedContent content) {
        TalentNeed current = owned(caller, id);
        Versions.check(expectedVersion, current.version());
        TalentNeedRules.requireEditable(current);
        check(content);
        if (!needs.updateDraft(id, current.version(), content, clock.instant())) {
            throw new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version");
        }
        return changed(caller, "updated", current, id);
    }

    /** draft → open (verified owner) or open → closed (owner). */
    @Transactional
    public TalentNeed changeStatus(Caller caller, UUID id, long expectedVersion, TalentNeedStatus target) {
        TalentNeed current = owned(caller, id);
        Versions.check(expectedVersion, current.version());
        TalentNeedRules.requireOwnerMay(current.status(), target);
        if (target == TalentNeedStatus.OPEN) {
            organizations.requireVerified(caller, OrganizationType.ENTERPRISE);
        }
        if (!needs.changeStatus(id, current.version(), current.status(), target, clock.instant())) {
            // changed meanwhile: edited (412), or filled by a hire (409)
            throw needs.find(id).map(TalentNeed::status).orElseThrow() == current.status()
                    ? new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version")
                    : notOpen();
        }
        return changed(caller, target == TalentNeedStatus.OPEN ? "opened" : "closed", current, id);
    }

    /**
     * The need locked for the caller's transaction, if it is open: applications and hires go through here,
     * after the caller's right to see the need (or the application) has been checked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    TalentNeed lockOpen(UUID id) {
        TalentNeed need = needs.lock(id).orElseThrow(TalentNeedService::notFound);
        TalentNeedRules.requireOpen(need);
        return need;
    }

    static DomainProblem notOpen() {
        return TalentNeedRules.notOpen();
    }

    /** A hire takes one place of a need locked with {@link #lockOpen}; the last place fills it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void takePlace(Caller caller, TalentNeed locked) {
        needs.takePlace(locked.id(), clock.instant());
        changed(caller, TalentNeedRules.hireFills(locked) ? "filled" : "place-taken", locked, locked.id());
    }

    private TalentNeed owned(Caller caller, UUID id) {
        caller.requireAnyRole(Role.ENTERPRISE);
        return needs.find(id)
                .filter(need -> caller.belongsTo(need.organizationId()))
                .orElseThrow(TalentNeedService::notFound);
    }

    private TalentNeed changed(Caller caller, String action, @Nullable TalentNeed before, UUID id) {
        TalentNeed after = needs.find(id).orElseThrow();
        searchOutbox.changed(documents, id);
        audit.record(caller, "talent-need." + action, "talent-need", id, before, after);
        return after;
    }

    private void check(TalentNeedContent content) {
        referenceData.requireSkills("requiredSkills", content.requiredSkills());
        referenceData.requireSkills("preferredSkills", content.preferredSkills());
        referenceData.requireRegion("region", content.region());
        referenceData.requireIndustry("industry", content.industry());
        TalentNeedRules.checkSalaryRange(content.salaryMinFen(), content.salaryMaxFen());
    }

    static DomainProblem notFound() {
        return new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.talent-need-not-found");
    }
}
