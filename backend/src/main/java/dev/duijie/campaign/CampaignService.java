package dev.duijie.campaign;

import dev.duijie.audit.AuditTrail;
import dev.duijie.matching.MatchFactor;
import dev.duijie.matching.TalentScoring;
import dev.duijie.referencedata.ReferenceData;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.Fingerprint;
import dev.duijie.shared.IdempotencyKeys;
import dev.duijie.shared.Page;
import dev.duijie.shared.PageCursor;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Role;
import dev.duijie.shared.Sentences;
import dev.duijie.talent.ProfileView;
import dev.duijie.talent.TalentNeed;
import dev.duijie.talent.TalentNeedContent;
import dev.duijie.talent.TalentNeedService;
import dev.duijie.talent.TalentProfileContent;
import dev.duijie.talent.TalentProfileDocuments;
import dev.duijie.talent.TalentProfileService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaigns, run by the talent bureau: curate open needs, find and invite the talents whose hometown is
 * targeted or who are willing to return, read the results, close (which freezes the results). Everyone
 * signed in may read active campaigns, so enterprises and talents know what is on.
 */
@Service
public class CampaignService {

    /** How many prefiltered profiles the candidate ranking scores in Java. */
    private static final int CANDIDATE_POOL = 2000;

    private final Campaigns campaigns;
    private final Invitations invitations;
    private final TalentNeedService needs;
    private final TalentProfileService profiles;
    private final TalentProfileDocuments talentDocuments;
    private final ReferenceData referenceData;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditTrail audit;
    private final Sentences sentences;
    private final JsonMapper json;
    private final Clock clock;

    CampaignService(
            Campaigns campaigns,
            Invitations invitations,
            TalentNeedService needs,
            TalentProfileService profiles,
            TalentProfileDocuments talentDocuments,
            ReferenceData referenceData,
            IdempotencyKeys idempotencyKeys,
            AuditTrail audit,
            Sentences sentences,
            JsonMapper json,
            Clock clock) {
        this.campaigns = campaigns;
        this.invitations = invitations;
        this.needs = needs;
        this.profiles = profiles;
        this.talentDocuments = talentDocuments;
        this.referenceData = referenceData;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
        this.sentences = sentences;
        this.json = json;
        this.clock = clock;
    }

    /** A talent worth inviting, as the bureau sees the profile (contact masked), with why. */
    public record Candidate(
            ProfileView profile, double score, List<MatchFactor> why, List<String> missingSkills, boolean invited) {

        static Candidate of(ProfileView profile, TalentScoring.Fit fit, boolean invited) {
            return new Candidate(profile, fit.score(), fit.why(), fit.missingSkills(), invited);
        }
    }

    @Transactional
    public Campaign create(Caller caller, Campaign.Draft draft, @Nullable String idempotencyKey) {
        caller.requireAnyRole(Role.TALENT_BUREAU);
        UUID id = UUID.randomUUID();
        var earlier = idempotencyKeys.claim(caller, "create-campaign", idempotencyKey, Fingerprint.of(draft), id);
        if (earlier.isPresent()) {
            return campaigns.find(earlier.get()).orElseThrow();
        }
        referenceData.requireRegions("targetRegions", draft.targetRegions());
        CampaignRules.checkDraft(draft);
        campaigns.insert(id, draft, clock.instant(), caller.subject());
        return changed(caller, "created", null, id);
    }

    /** The campaign; a talent opening an active one counts as one of its views (once per talent). */
    public Campaign get(Caller caller, UUID id) {
        Campaign campaign = campaigns
                .find(id)
                .filter(c -> CampaignRules.readableBy(caller, c))
                .orElseThrow(CampaignService::notFound);
        if (caller.has(Role.TALENT) && campaign.status() == CampaignStatus.ACTIVE) {
            campaigns.recordView(id, caller.subject(), clock.instant());
        }
        return campaign;
    }

    public Page<Campaign> list(Caller caller, @Nullable String cursor, int limit) {
        boolean all = caller.hasAny(Role.TALENT_BUREAU, Role.REGULATOR);
        return Page.of(
                campaigns.newestFirst(!all, PageCursor.decode(cursor), limit + 1),
                limit,
                campaign -> new PageCursor(campaign.createdAt(), campaign.id()));
    }

    /** The curated needs of a campaign, as the caller may see them (open, filled or closed needs of verified firms). */
    public List<TalentNeed> needsOf(Caller caller, Campaign campaign) {
        return needs.visible(caller, campaign.needIds());
    }

    @Transactional
    public Campaign addNeed(Caller caller, UUID id, UUID needId) {
        Campaign campaign = lockActive(caller, id);
        TalentNeed need = needs.get(caller, needId);
        CampaignRules.requireOpenNeed(need.status());
        CampaignRules.checkRoomForNeed(campaign, needId);
        if (campaigns.addNeed(id, needId, clock.instant())) {
            campaigns.touch(id, clock.instant());
            return changed(caller, "need-added", campaign, id);
        }
        return campaign;
    }

    @Transactional
    public Campaign removeNeed(Caller caller, UUID id, UUID needId) {
        Campaign campaign = lockActive(caller, id);
        if (!campaign.needIds().contains(needId)) {
            throw new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.campaign-need-not-found");
        }
        if (campaigns.hasInvitationsOrApplications(id, needId)) {
            throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.campaign-need-invited");
        }
        campaigns.removeNeed(id, needId);
        campaigns.touch(id, clock.instant());
        return changed(caller, "need-removed", campaign, id);
    }

    /**
     * Talents to invite for a curated need, best first: not hidden, from a target region or willing to
     * return, with at least one of the need's skills, and educated as the need asks.
     */
    public List<Candidate> candidates(Caller caller, UUID id, UUID needId, int limit) {
        caller.requireAnyRole(Role.TALENT_BUREAU);
        Campaign campaign = campaigns.find(id).orElseThrow(CampaignService::notFound);
        TalentNeedContent need = curatedNeed(campaign, needId).content();
        Set<String> anySkill = new HashSet<>(referenceData.withDescendants(
                ReferenceData.Vocabulary.SKILL, concat(need.requiredSkills(), need.preferredSkills())));
        Set<String> targetRegions =
                Set.copyOf(referenceData.withDescendants(ReferenceData.Vocabulary.REGION, campaign.targetRegions()));
        Set<UUID> invited = invitations.invitedTalents(id, needId);
        Locale locale = LocaleContextHolder.getLocale();
        List<Candidate> candidates = new ArrayList<>();
        for (ProfileView view : profiles.returnees(targetRegions, anySkill, CANDIDATE_POOL)) {
            TalentProfileContent talent = view.profile().content();
            Set<String> skills = talentDocuments.skillsWithGroups(talent);
            if (TalentScoring.eligible(need, talent, skills)) {
                candidates.add(Candidate.of(
                        view,
                        TalentScoring.fit(
                                need,
                                talent,
                                skills,
                                targetRegions,
                                "match.talent.hometown",
                                code -> referenceData.name(ReferenceData.Vocabulary.REGION, code, locale),
                                (key, args) -> sentences.say(key, locale, args)),
                        invited.contains(view.profile().id())));
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingDouble(Candidate::score)
                        .reversed()
                        .thenComparing(c -> c.profile().profile().id()))
                .limit(limit)
                .toList();
    }

    /**
     * Invites talents to a curated, still open need: each must be one the campaign may invite (not hidden;
     * from a target region or willing to return; educated as the need asks). Returns the need's invitations.
     */
    @Transactional
    public List<Invitation> invite(Caller caller, UUID id, UUID needId, List<UUID> talentProfileIds) {
        Campaign campaign = lockActive(caller, id);
        TalentNeed need = curatedNeed(campaign, needId);
        CampaignRules.requireOpenNeed(need.status());
        Set<String> targetRegions =
                Set.copyOf(referenceData.withDescendants(ReferenceData.Vocabulary.REGION, campaign.targetRegions()));
        for (int i = 0; i < talentProfileIds.size(); i++) {
            boolean invitable = profiles.visibleProfile(talentProfileIds.get(i))
                    .map(view -> view.profile().content())
                    .filter(talent -> CampaignRules.invitable(
                            talent, targetRegions, need.content(), talentDocuments.skillsWithGroups(talent)))
                    .isPresent();
            if (!invitable) {
                throw DomainProblem.invalidField("talentProfileIds[" + i + "]", "field.talent.not-invitable");
            }
        }
        CampaignRules.checkRoomForInvitations(invitations.invitedTalents(id, needId), talentProfileIds);
        invitations.insertMissing(id, needId, talentProfileIds, clock.instant());
        audit.record(
                caller,
                "campaign.invited",
                "campaign",
                id,
                null,
                Map.of("needId", needId, "talentProfileIds", talentProfileIds));
        return invitations.forNeed(id, needId);
    }

    /** Closes the campaign and keeps its results as they are now. */
    @Transactional
    public Campaign close(Caller caller, UUID id) {
        Campaign campaign = lockActive(caller, id);
        Instant now = clock.instant();
        CampaignResults results = liveResults(id, now).frozenAt(now);
        campaigns.close(id, json.writeValueAsString(results), now);
        return changed(caller, "closed", campaign, id);
    }

    public CampaignResults results(Caller caller, UUID id) {
        caller.requireAnyRole(Role.TALENT_BUREAU, Role.REGULATOR);
        if (campaigns.find(id).isEmpty()) {
            throw notFound();
        }
        // frozen results were written by whichever version closed the campaign: read what is known, skip the rest
        return campaigns
                .frozenResults(id)
                .map(frozen -> json.readerFor(CampaignResults.class)
                        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .<CampaignResults>readValue(frozen))
                .orElseGet(() -> liveResults(id, clock.instant()));
    }

    private CampaignResults liveResults(UUID id, Instant now) {
        List<CampaignResults.ByNeed> byNeed = campaigns.countByNeed(id);
        Map<String, CampaignResults.Figures> byIndustry = new LinkedHashMap<>();
        CampaignResults.Figures total = CampaignResults.Figures.NONE;
        for (CampaignResults.ByNeed need : byNeed) {
            byIndustry.merge(need.industry(), need.figures(), CampaignResults.Figures::plus);
            total = total.plus(need.figures());
        }
        return new CampaignResults(
                id,
                false,
                now,
                campaigns.views(id),
                total,
                byIndustry.entrySet().stream()
                        .map(e -> new CampaignResults.ByIndustry(e.getKey(), e.getValue()))
                        .toList(),
                byNeed);
    }

    private Campaign lockActive(Caller caller, UUID id) {
        caller.requireAnyRole(Role.TALENT_BUREAU);
        Campaign campaign = campaigns.lock(id).orElseThrow(CampaignService::notFound);
        CampaignRules.requireActive(campaign);
        return campaign;
    }

    private TalentNeed curatedNeed(Campaign campaign, UUID needId) {
        if (!campaign.needIds().contains(needId)) {
            throw new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.campaign-need-not-found");
        }
        return needs.find(needId).orElseThrow();
    }

    private Campaign changed(Caller caller, String action, @Nullable Campaign before, UUID id) {
        Campaign after = campaigns.find(id).orElseThrow();
        audit.record(caller, "campaign." + action, "campaign", id, before, after);
        return after;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(skill -> !all.contains(skill)).forEach(all::add);
        return all;
    }

    static DomainProblem notFound() {
        return new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.campaign-not-found");
    }
}
