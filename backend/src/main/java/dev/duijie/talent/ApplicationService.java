package dev.duijie.talent;

import dev.duijie.audit.AuditTrail;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications: a talent applies to an open need (once), optionally naming the talent who referred them;
 * the enterprise moves it through the pipeline; a hire takes one of the need's places. Seen by the applicant
 * and by the enterprise that owns the need, for everyone else it does not exist.
 */
@Service
public class ApplicationService {

    private final Applications applications;
    private final CampaignLinks campaigns;
    private final TalentNeedService needs;
    private final TalentProfileService profiles;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditTrail audit;
    private final Clock clock;

    ApplicationService(
            Applications applications,
            CampaignLinks campaigns,
            TalentNeedService needs,
            TalentProfileService profiles,
            IdempotencyKeys idempotencyKeys,
            AuditTrail audit,
            Clock clock) {
        this.applications = applications;
        this.campaigns = campaigns;
        this.needs = needs;
        this.profiles = profiles;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a talent sends with an application. */
    public record Draft(
            @Nullable String coverLetter,
            @Nullable UUID referrerProfileId,
            @Nullable UUID campaignId) {}

    /** A page of referrals and how many of all the caller's referrals were hired. */
    public record Referrals(Page<Referral> page, int hires) {}

    /** One application that names the caller as referrer, with the referred talent's name if it is public. */
    public record Referral(
            Application application, @Nullable String referredName) {}

    @Transactional
    public Application apply(Caller caller, UUID needId, Draft draft, @Nullable String idempotencyKey) {
        caller.requireAnyRole(Role.TALENT);
        TalentProfile talent = profiles.findOwn(caller)
                .orElseThrow(
                        () -> new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.talent-profile-required"));
        UUID id = UUID.randomUUID();
        var earlier = idempotencyKeys.claim(caller, "apply-" + needId, idempotencyKey, Fingerprint.of(draft), id);
        if (earlier.isPresent()) {
            return applications.find(earlier.get()).orElseThrow();
        }
        needs.get(caller, needId); // 404 for a draft or anything else the talent may not see
        if (draft.campaignId() != null) {
            Boolean active = campaigns.lockCampaignWithNeed(draft.campaignId(), needId);
            if (active == null) {
                throw DomainProblem.invalidField("campaignId", "field.campaign.unknown");
            }
            if (!active) {
                throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.campaign-closed");
            }
        }
        TalentNeed need = needs.lockOpen(needId);
        // one answer for oneself, an unknown id and a hidden profile: the field cannot probe who is registered
        if (draft.referrerProfileId() != null
                && (draft.referrerProfileId().equals(talent.id())
                        || profiles.visibleProfile(draft.referrerProfileId()).isEmpty())) {
            throw DomainProblem.invalidField("referrerProfileId", "field.referrer.unknown");
        }
        if (!applications.insert(
                id,
                need.id(),
                talent.id(),
                draft.referrerProfileId(),
                draft.campaignId(),
                draft.coverLetter(),
                clock.instant())) {
            throw new DomainProblem(ProblemType.DUPLICATE, "problem.detail.already-applied");
        }
        return changed(caller, "submitted", null, id);
    }

    public Application get(Caller caller, UUID id) {
        return applications
                .find(id)
                .filter(application -> visibleTo(caller, application))
                .orElseThrow(ApplicationService::notFound);
    }

    public Page<Application> listMine(Caller caller, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.TALENT);
        Optional<TalentProfile> talent = profiles.findOwn(caller);
        if (talent.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        return Page.of(
                applications.byTalent(talent.get().id(), PageCursor.decode(cursor), limit + 1),
                limit,
                ApplicationService::position);
    }

    /** Applications to one of the caller's needs, with each applicant's full profile. */
    public Page<ApplicationWithApplicant> listForNeed(Caller caller, UUID needId, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.ENTERPRISE);
        TalentNeed need = needs.get(caller, needId);
        if (!caller.belongsTo(need.organizationId())) {
            throw TalentNeedService.notFound();
        }
        Page<Application> page = Page.of(
                applications.byNeed(needId, PageCursor.decode(cursor), limit + 1), limit, ApplicationService::position);
        return new Page<>(
                page.items().stream()
                        .map(application -> new ApplicationWithApplicant(
                                application,
                                profiles.applicant(
                                        application.talentProfileId(),
                                        application.status() != ApplicationStatus.WITHDRAWN)))
                        .toList(),
                page.nextCursor());
    }

    /**
     * An application as its need's owner sees it: with the applicant's full profile, or, once withdrawn, what
     * anyone else sees of it (nothing for a hidden profile).
     */
    public record ApplicationWithApplicant(
            Application application, @Nullable ProfileView applicant) {}

    public Referrals referrals(Caller caller, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.TALENT);
        Optional<TalentProfile> mine = profiles.findOwn(caller);
        if (mine.isEmpty()) {
            return new Referrals(new Page<>(List.of(), null), 0);
        }
        TalentProfile me = mine.get();
        Page<Application> page = Page.of(
                applications.byReferrer(me.id(), PageCursor.decode(cursor), limit + 1),
                limit,
                ApplicationService::position);
        List<Referral> items = page.items().stream()
                .map(application -> new Referral(application, publicName(application.talentProfileId())))
                .toList();
        return new Referrals(new Page<>(items, page.nextCursor()), applications.hiresReferredBy(me.id()));
    }

    /**
     * A referral as the talent bureau sees it: a talent's id only if the profile is not hidden, the name only
     * if it is public.
     */
    public record ReferralLink(
            Application application,
            @Nullable UUID referrerId,
            @Nullable String referrerName,
            @Nullable UUID referredId,
            @Nullable String referredName) {}

    /** Every referral, newest first: the chains of who brought whom (talent bureau, regulator). */
    public Page<ReferralLink> allReferrals(Caller caller, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.TALENT_BUREAU, Role.REGULATOR);
        Page<Application> page = Page.of(
                applications.referralsNewestFirst(PageCursor.decode(cursor), limit + 1),
                limit,
                ApplicationService::position);
        return new Page<>(
                page.items().stream()
                        .map(application -> {
                            Optional<ProfileView> referrer =
                                    profiles.visibleProfile(Objects.requireNonNull(application.referrerProfileId()));
                            Optional<ProfileView> referred = profiles.visibleProfile(application.talentProfileId());
                            return new ReferralLink(
                                    application,
                                    referrer.map(view -> view.profile().id()).orElse(null),
                                    referrer.map(ProfileView::displayName).orElse(null),
                                    referred.map(view -> view.profile().id()).orElse(null),
                                    referred.map(ProfileView::displayName).orElse(null));
                        })
                        .toList(),
                page.nextCursor());
    }

    private @Nullable String publicName(UUID profileId) {
        return profiles.visibleProfile(profileId).map(ProfileView::displayName).orElse(null);
    }

    /** The need's owner moves an application forward, rejects it, or hires (which takes one of the need's places). */
    @Transactional
    public Application move(Caller caller, UUID id, long expectedVersion, ApplicationStatus target) {
        caller.requireAnyRole(Role.ENTERPRISE);
        Application current = applications
                .find(id)
                .filter(a -> caller.belongsTo(a.organizationId()))
                .orElseThrow(ApplicationService::notFound);
        Versions.check(expectedVersion, current.version());
        if (!current.status().canMoveTo(target)) {
            throw transition(current.status(), target);
        }
        if (target != ApplicationStatus.REJECTED
                && target != ApplicationStatus.HIRED
                && needs.get(caller, current.needId()).status() != TalentNeedStatus.OPEN) {
            // a filled or closed need hires nobody more: its open applications can only be turned down
            throw TalentNeedService.notOpen();
        }
        if (target == ApplicationStatus.HIRED) {
            // lock the need first: two hires for the last place queue here, and the second finds it filled
            TalentNeed need = needs.lockOpen(current.needId());
            if (!applications.move(id, current.version(), current.status(), target, clock.instant())) {
                throw staleOrMoved(id, current, target);
            }
            needs.takePlace(caller, need);
        } else if (!applications.move(id, current.version(), current.status(), target, clock.instant())) {
            throw staleOrMoved(id, current, target);
        }
        return changed(caller, Applications.dbValue(target), current, id);
    }

    /** The applicant withdraws before a decision. Final. */
    @Transactional
    public Application withdraw(Caller caller, UUID id, long expectedVersion) {
        caller.requireAnyRole(Role.TALENT);
        UUID me = profiles.findOwn(caller).map(TalentProfile::id).orElseThrow(ApplicationService::notFound);
        Application current = applications
                .find(id)
                .filter(a -> a.talentProfileId().equals(me))
                .orElseThrow(ApplicationService::notFound);
        Versions.check(expectedVersion, current.version());
        if (current.status().isFinal()) {
            throw transition(current.status(), ApplicationStatus.WITHDRAWN);
        }
        if (!applications.move(id, current.version(), current.status(), ApplicationStatus.WITHDRAWN, clock.instant())) {
            throw staleOrMoved(id, current, ApplicationStatus.WITHDRAWN);
        }
        return changed(caller, "withdrawn", current, id);
    }

    private boolean visibleTo(Caller caller, Application application) {
        if (caller.has(Role.ENTERPRISE) && caller.belongsTo(application.organizationId())) {
            return true;
        }
        return caller.has(Role.TALENT)
                && profiles.findOwn(caller)
                        .filter(p -> p.id().equals(application.talentProfileId()))
                        .isPresent();
    }

    /** Our conditional write found the application changed: edited meanwhile (412) or moved on (409). */
    private DomainProblem staleOrMoved(UUID id, Application read, ApplicationStatus target) {
        Application now = applications.find(id).orElseThrow();
        return now.status() == read.status()
                ? new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version")
                : transition(now.status(), target);
    }

    private static DomainProblem transition(ApplicationStatus from, ApplicationStatus to) {
        return new DomainProblem(
                ProblemType.INVALID_STATE,
                "problem.detail.application-transition",
                Applications.dbValue(from),
                Applications.dbValue(to));
    }

    private Application changed(Caller caller, String action, @Nullable Application before, UUID id) {
        Application after = applications.find(id).orElseThrow();
        audit.record(caller, "talent-application." + action, "talent-application", id, before, after);
        return after;
    }

    private static PageCursor position(Application application) {
        return new PageCursor(application.createdAt(), application.id());
    }

    static DomainProblem notFound() {
        return new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.application-not-found");
    }
}
