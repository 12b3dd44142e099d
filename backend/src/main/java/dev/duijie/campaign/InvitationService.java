package dev.duijie.campaign;

import dev.duijie.audit.AuditTrail;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.Page;
import dev.duijie.shared.PageCursor;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Role;
import dev.duijie.talent.TalentProfileService;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A talent's inbox of campaign invitations, and their answer to each (once, while the campaign runs). */
@Service
public class InvitationService {

    private final Invitations invitations;
    private final Campaigns campaigns;
    private final TalentProfileService profiles;
    private final AuditTrail audit;
    private final Clock clock;

    InvitationService(
            Invitations invitations,
            Campaigns campaigns,
            TalentProfileService profiles,
            AuditTrail audit,
            Clock clock) {
        this.invitations = invitations;
        this.campaigns = campaigns;
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<Invitation> listMine(Caller caller, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.TALENT);
        Optional<UUID> me = profiles.ownProfileId(caller);
        if (me.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        return Page.of(
                invitations.byTalent(me.get(), PageCursor.decode(cursor), limit + 1),
                limit,
                invitation -> new PageCursor(invitation.createdAt(), invitation.id()));
    }

    /** Accepting lets the need's enterprise see the talent's contact data; declining ends the invitation. */
    @Transactional
    public Invitation respond(Caller caller, UUID id, Invitation.Status decision) {
        caller.requireAnyRole(Role.TALENT);
        UUID me = profiles.ownProfileId(caller).orElseThrow(InvitationService::notFound);
        Invitation invitation = invitations
                .find(id)
                .filter(i -> i.talentProfileId().equals(me))
                .orElseThrow(InvitationService::notFound);
        // the campaign's lock: an answer and the closing that freezes the results do not cross
        CampaignRules.requireActive(campaigns.lock(invitation.campaignId()).orElseThrow());
        if (!invitations.respond(id, decision, clock.instant())) {
            throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.invitation-answered");
        }
        Invitation answered = invitations.find(id).orElseThrow();
        audit.record(
                caller,
                "campaign-invitation." + decision.name().toLowerCase(Locale.ROOT),
                "campaign-invitation",
                id,
                invitation,
                answered);
        return answered;
    }

    static DomainProblem notFound() {
        return new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.invitation-not-found");
    }
}
