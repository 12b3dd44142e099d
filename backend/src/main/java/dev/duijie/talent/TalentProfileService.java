package dev.duijie.talent;

import dev.duijie.audit.AuditTrail;
import dev.duijie.referencedata.ReferenceData;
import dev.duijie.search.SearchOutbox;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Role;
import dev.duijie.shared.Versions;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Talents keep their own profile; others see it as {@link ProfileView} allows: enterprises, the talent bureau
 * and the regulator see public and anonymous profiles with contact data masked, and an enterprise the talent
 * applied to sees everything, hidden profiles included.
 */
@Service
public class TalentProfileService {

    private final TalentProfiles profiles;
    private final Applications applications;
    private final CampaignLinks campaigns;
    private final ReferenceData referenceData;
    private final AuditTrail audit;
    private final SearchOutbox searchOutbox;
    private final TalentProfileDocuments documents;
    private final Clock clock;

    TalentProfileService(
            TalentProfiles profiles,
            Applications applications,
            CampaignLinks campaigns,
            ReferenceData referenceData,
            AuditTrail audit,
            SearchOutbox searchOutbox,
            TalentProfileDocuments documents,
            Clock clock) {
        this.profiles = profiles;
        this.applications = applications;
        this.campaigns = campaigns;
        this.referenceData = referenceData;
        this.audit = audit;
        this.searchOutbox = searchOutbox;
        this.documents = documents;
        this.clock = clock;
    }

    public TalentProfile mine(Caller caller) {
        caller.requireAnyRole(Role.TALENT);
        return profiles.findBySubject(caller.subject()).orElseThrow(TalentProfileService::notFound);
    }

    /** Creates the caller's profile, or replaces it if the caller read the current version (If-Match required). */
    @Transactional
    public TalentProfile save(Caller caller, @Nullable String ifMatch, TalentProfileContent content) {
        caller.requireAnyRole(Role.TALENT);
        check(content);
        Instant now = clock.instant();
        Optional<TalentProfile> existing = profiles.findBySubject(caller.subject());
        if (existing.isEmpty()) {
            if (Versions.fromOptionalIfMatch(ifMatch) != Versions.ANY) {
                // an If-Match naming a version cannot match a profile that does not exist
                throw new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version");
            }
            if (!profiles.insert(UUID.randomUUID(), caller.subject(), content, now)) {
                // another first save won the race: this one was written without seeing it
                throw new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version");
            }
            return changed(caller, "created", null);
        }
        TalentProfile current = existing.get();
        Versions.check(Versions.fromIfMatch(ifMatch), current.version());
        if (!profiles.update(current.id(), current.version(), content, now)) {
            throw new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version");
        }
        return changed(caller, "updated", current);
    }

    /** Another user's view of a profile; 404 where the caller may not see it at all. */
    public ProfileView view(Caller caller, UUID profileId) {
        ProfileView view =
                views(caller, profiles.find(profileId).stream().toList()).get(profileId);
        if (view == null) {
            throw notFound();
        }
        return view;
    }

    /**
     * Profiles as the caller sees them, by id, leaving out those the caller may not see at all. Everything
     * of one's own profile and of talents connected to one's organization (see {@link #connectedTo}); the
     * public part of others; a talent sees no one else's.
     */
    public Map<UUID, ProfileView> views(Caller caller, Collection<TalentProfile> found) {
        caller.requireAnyRole(Role.TALENT, Role.ENTERPRISE, Role.TALENT_BUREAU, Role.REGULATOR);
        Set<UUID> connected = caller.has(Role.ENTERPRISE) && caller.organizationId() != null
                ? connectedTo(
                        caller.organizationId(),
                        found.stream().map(TalentProfile::id).toList())
                : Set.of();
        Map<UUID, ProfileView> views = new LinkedHashMap<>();
        for (TalentProfile profile : found) {
            ProfileView view = ProfileView.seenBy(caller, profile, connected.contains(profile.id()));
            if (view != null) {
                views.put(profile.id(), view);
            }
        }
        return views;
    }

    /**
     * Which of these profiles stand in a relation to one of the organization's needs that lets it see their
     * contact data and a hidden profile: an application not withdrawn, or an accepted campaign invitation.
     */
    private Set<UUID> connectedTo(UUID organizationId, List<UUID> talentProfileIds) {
        Set<UUID> connected = new HashSet<>(applications.appliedTo(organizationId, talentProfileIds));
        connected.addAll(campaigns.acceptedInvitations(organizationId, talentProfileIds));
        return connected;
    }

    /** Profiles a campaign may invite (see {@link TalentProfiles#returnees}), as the talent bureau sees them. */
    public List<ProfileView> returnees(Collection<String> hometownRegions, Collection<String> skills, int limit) {
        return profiles.returnees(hometownRegions, skills, limit).stream()
                .map(ProfileView::asSeenByOthers)
                .toList();
    }

    /** Several profiles at once, by id (for match results, read back from PostgreSQL). */
    public List<TalentProfile> findAll(Collection<UUID> ids) {
        return profiles.findAll(ids);
    }

    /** A profile that exists and is not hidden: one a campaign may invite, or a talent may name as referrer. */
    public Optional<ProfileView> visibleProfile(UUID profileId) {
        return profiles.find(profileId)
                .filter(p -> p.content().visibility() != Visibility.HIDDEN)
                .map(ProfileView::asSeenByOthers);
    }

    /** The caller's own profile id, if they have one. */
    public Optional<UUID> ownProfileId(Caller caller) {
        return profiles.findBySubject(caller.subject()).map(TalentProfile::id);
    }

    /**
     * What the owner of a need sees of one of its applicants: everything while the application stands;
     * after a withdrawal what any enterprise sees (nothing of a hidden profile).
     */
    @Nullable
    ProfileView applicant(UUID profileId, boolean applicationStands) {
        return ProfileView.applicant(profiles.find(profileId).orElseThrow(), applicationStands);
    }

    Optional<TalentProfile> findOwn(Caller caller) {
        return profiles.findBySubject(caller.subject());
    }

    private TalentProfile changed(Caller caller, String action, @Nullable TalentProfile before) {
        TalentProfile after = profiles.findBySubject(caller.subject()).orElseThrow();
        searchOutbox.changed(documents, after.id());
        audit.record(caller, "talent-profile." + action, "talent-profile", after.id(), null, after.auditEntry(before));
        return after;
    }

    private void check(TalentProfileContent content) {
        referenceData.requireSkills("skills", content.skills());
        if (content.hometownRegion() != null) {
            referenceData.requireRegion("hometownRegion", content.hometownRegion());
        }
        if (content.salaryMaxFen() < content.salaryMinFen()) {
            throw DomainProblem.invalidField("salaryMaxFen", "field.salary.range");
        }
    }

    static DomainProblem notFound() {
        return new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.talent-profile-not-found");
    }
}
