package dev.duijie.campaign;

import dev.duijie.matching.TalentScoring;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Role;
import dev.duijie.talent.TalentNeedContent;
import dev.duijie.talent.TalentNeedStatus;
import dev.duijie.talent.TalentProfileContent;
import dev.duijie.talent.Visibility;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A campaign's rules on plain values: its dates, who may read it, that only an active one changes, which needs
 * it curates and which talents it may invite, and how many of each. Each refusal is the problem the API answers.
 */
final class CampaignRules {

    /** The most needs a campaign curates, and the most talents invited to one need (as the contract bounds them). */
    static final int MOST_NEEDS = 1000;

    static final int MOST_INVITATIONS_PER_NEED = 1000;

    private CampaignRules() {}

    static void checkDraft(Campaign.Draft draft) {
        if (draft.endsOn().isBefore(draft.startsOn())) {
            throw DomainProblem.invalidField("endsOn", "field.ends-on.before-starts-on");
        }
    }

    /** Everyone signed in reads an active campaign; a closed one is the bureau's and the regulator's. */
    static boolean readableBy(Caller caller, Campaign campaign) {
        return campaign.status() == CampaignStatus.ACTIVE || caller.hasAny(Role.TALENT_BUREAU, Role.REGULATOR);
    }

    /** Closing froze the results: a closed campaign changes no more, nor do its invitations' answers. */
    static void requireActive(Campaign campaign) {
        if (campaign.status() != CampaignStatus.ACTIVE) {
            throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.campaign-closed");
        }
    }

    /** A need is curated, and its talents invited, only while it is open. */
    static void requireOpenNeed(TalentNeedStatus status) {
        if (status != TalentNeedStatus.OPEN) {
            throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.talent-need-not-open");
        }
    }

    /** Room for one more need (curating one already in is no change). */
    static void checkRoomForNeed(Campaign campaign, UUID needId) {
        if (!campaign.needIds().contains(needId) && campaign.needIds().size() >= MOST_NEEDS) {
            throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.campaign-full", MOST_NEEDS);
        }
    }

    /** Room for these invitations to one need, on top of those it has (inviting a talent again is no change). */
    static void checkRoomForInvitations(Set<UUID> alreadyInvited, List<UUID> talentProfileIds) {
        long added = talentProfileIds.stream()
                .filter(talent -> !alreadyInvited.contains(talent))
                .count();
        if (alreadyInvited.size() + added > MOST_INVITATIONS_PER_NEED) {
            throw new DomainProblem(
                    ProblemType.INVALID_STATE, "problem.detail.campaign-full", MOST_INVITATIONS_PER_NEED);
        }
    }

    /**
     * Whether the campaign may invite this talent to this need: a profile not hidden, of a talent from one of
     * the target regions or willing to return, educated and skilled as the need asks ({@link TalentScoring#eligible}).
     *
     * @param targetRegions the campaign's target regions with the towns under them
     * @param skills        the talent's skills with the groups above them
     */
    static boolean invitable(
            TalentProfileContent talent, Collection<String> targetRegions, TalentNeedContent need, Set<String> skills) {
        return talent.visibility() != Visibility.HIDDEN
                && (talent.willingToReturn()
                        || (talent.hometownRegion() != null && targetRegions.contains(talent.hometownRegion())))
                && TalentScoring.eligible(need, talent, skills);
    }
}
