package dev.duijie.campaign.web;

import dev.duijie.api.CampaignsApi;
import dev.duijie.api.dto.CampaignDraftDto;
import dev.duijie.api.dto.CampaignDto;
import dev.duijie.api.dto.CampaignFiguresDto;
import dev.duijie.api.dto.CampaignPageDto;
import dev.duijie.api.dto.CampaignResultsDto;
import dev.duijie.api.dto.CampaignStatusDto;
import dev.duijie.api.dto.CandidateDto;
import dev.duijie.api.dto.CandidateListDto;
import dev.duijie.api.dto.IndustryFiguresDto;
import dev.duijie.api.dto.InvitationDto;
import dev.duijie.api.dto.InvitationListDto;
import dev.duijie.api.dto.InvitationPageDto;
import dev.duijie.api.dto.InvitationRequestDto;
import dev.duijie.api.dto.InvitationResponseDto;
import dev.duijie.api.dto.InvitationStatusDto;
import dev.duijie.api.dto.NeedFiguresDto;
import dev.duijie.campaign.Campaign;
import dev.duijie.campaign.CampaignResults;
import dev.duijie.campaign.CampaignService;
import dev.duijie.campaign.Invitation;
import dev.duijie.campaign.InvitationService;
import dev.duijie.matching.web.MatchFactorDtos;
import dev.duijie.security.Callers;
import dev.duijie.shared.Caller;
import dev.duijie.shared.Inputs;
import dev.duijie.shared.Page;
import dev.duijie.shared.Versions;
import dev.duijie.talent.web.TalentDtos;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CampaignsController implements CampaignsApi {

    private final CampaignService campaigns;
    private final InvitationService invitations;

    CampaignsController(CampaignService campaigns, InvitationService invitations) {
        this.campaigns = campaigns;
        this.invitations = invitations;
    }

    @Override
    public ResponseEntity<CampaignDto> createCampaign(CampaignDraftDto body, @Nullable String idempotencyKey) {
        Caller caller = Callers.current();
        Campaign created = campaigns.create(
                caller,
                new Campaign.Draft(
                        Inputs.text("theme", body.getTheme(), 2),
                        body.getStartsOn(),
                        body.getEndsOn(),
                        Inputs.items("targetRegions", body.getTargetRegions()),
                        Inputs.optionalText(body.getIncentives())),
                idempotencyKey);
        return ResponseEntity.created(URI.create("/campaigns/" + created.id()))
                .eTag(Versions.etag(created.version()))
                .body(dto(caller, created));
    }

    @Override
    public ResponseEntity<CampaignDto> getCampaign(UUID campaignId) {
        Caller caller = Callers.current();
        Campaign campaign = campaigns.get(caller, campaignId);
        return ResponseEntity.ok().eTag(Versions.etag(campaign.version())).body(dto(caller, campaign));
    }

    @Override
    public ResponseEntity<CampaignPageDto> listCampaigns(@Nullable String cursor, Integer limit) {
        Caller caller = Callers.current();
        Page<Campaign> page = campaigns.list(caller, cursor, limit);
        return ResponseEntity.ok(new CampaignPageDto()
                .items(page.items().stream().map(c -> dto(caller, c)).toList())
                .nextCursor(page.nextCursor()));
    }

    @Override
    public ResponseEntity<CampaignDto> addCampaignNeed(UUID campaignId, UUID needId) {
        Caller caller = Callers.current();
        return ResponseEntity.ok(dto(caller, campaigns.addNeed(caller, campaignId, needId)));
    }

    @Override
    public ResponseEntity<CampaignDto> removeCampaignNeed(UUID campaignId, UUID needId) {
        Caller caller = Callers.current();
        return ResponseEntity.ok(dto(caller, campaigns.removeNeed(caller, campaignId, needId)));
    }

    @Override
    public ResponseEntity<CandidateListDto> listCampaignCandidates(UUID campaignId, UUID needId, Integer limit) {
        return ResponseEntity.ok(new CandidateListDto()
                .items(campaigns.candidates(Callers.current(), campaignId, needId, limit).stream()
                        .map(candidate -> new CandidateDto()
                                .profile(TalentDtos.profile(candidate.profile()))
                                .score(candidate.score())
                                .why(MatchFactorDtos.of(candidate.why()))
                                .missingSkills(new LinkedHashSet<>(candidate.missingSkills()))
                                .invited(candidate.invited()))
                        .toList()));
    }

    @Override
    public ResponseEntity<InvitationListDto> inviteToCampaign(UUID campaignId, InvitationRequestDto body) {
        List<Invitation> standing = campaigns.invite(
                Callers.current(),
                campaignId,
                body.getNeedId(),
                Inputs.items("talentProfileIds", body.getTalentProfileIds()));
        return ResponseEntity.ok(new InvitationListDto()
                .items(standing.stream().map(CampaignsController::dto).toList()));
    }

    @Override
    public ResponseEntity<CampaignDto> closeCampaign(UUID campaignId) {
        Caller caller = Callers.current();
        return ResponseEntity.ok(dto(caller, campaigns.close(caller, campaignId)));
    }

    @Override
    public ResponseEntity<CampaignResultsDto> getCampaignResults(UUID campaignId) {
        CampaignResults results = campaigns.results(Callers.current(), campaignId);
        return ResponseEntity.ok(new CampaignResultsDto()
                .campaignId(results.campaignId())
                .frozen(results.frozen())
                .asOf(TalentDtos.utc(results.asOf()))
                .views(results.views())
                .total(figures(results.total()))
                .byIndustry(results.byIndustry().stream()
                        .map(i ->
                                new IndustryFiguresDto().industry(i.industry()).figures(figures(i.figures())))
                        .toList())
                .byNeed(results.byNeed().stream()
                        .map(n -> new NeedFiguresDto()
                                .needId(n.needId())
                                .needTitle(n.needTitle())
                                .industry(n.industry())
                                .figures(figures(n.figures())))
                        .toList()));
    }

    @Override
    public ResponseEntity<InvitationPageDto> listMyInvitations(@Nullable String cursor, Integer limit) {
        Page<Invitation> page = invitations.listMine(Callers.current(), cursor, limit);
        return ResponseEntity.ok(new InvitationPageDto()
                .items(page.items().stream().map(CampaignsController::dto).toList())
                .nextCursor(page.nextCursor()));
    }

    @Override
    public ResponseEntity<InvitationDto> respondToInvitation(UUID invitationId, InvitationResponseDto body) {
        return ResponseEntity.ok(dto(invitations.respond(
                Callers.current(),
                invitationId,
                Invitation.Status.valueOf(body.getDecision().name()))));
    }

    private CampaignDto dto(Caller caller, Campaign campaign) {
        return new CampaignDto()
                .id(campaign.id())
                .status(CampaignStatusDto.valueOf(campaign.status().name()))
                .theme(campaign.theme())
                .startsOn(campaign.startsOn())
                .endsOn(campaign.endsOn())
                .targetRegions(campaign.targetRegions())
                .incentives(campaign.incentives())
                .needs(campaigns.needsOf(caller, campaign).stream()
                        .map(TalentDtos::need)
                        .toList())
                .closedAt(TalentDtos.utc(campaign.closedAt()))
                .version(campaign.version())
                .createdAt(TalentDtos.utc(campaign.createdAt()))
                .updatedAt(TalentDtos.utc(campaign.updatedAt()));
    }

    private static InvitationDto dto(Invitation invitation) {
        return new InvitationDto()
                .id(invitation.id())
                .campaignId(invitation.campaignId())
                .campaignTheme(invitation.campaignTheme())
                .incentives(invitation.incentives())
                .needId(invitation.needId())
                .needTitle(invitation.needTitle())
                .talentProfileId(invitation.talentProfileId())
                .status(InvitationStatusDto.valueOf(invitation.status().name()))
                .createdAt(TalentDtos.utc(invitation.createdAt()))
                .respondedAt(TalentDtos.utc(invitation.respondedAt()));
    }

    private static CampaignFiguresDto figures(CampaignResults.Figures figures) {
        return new CampaignFiguresDto()
                .invitations(figures.invitations())
                .acceptances(figures.acceptances())
                .applications(figures.applications())
                .hires(figures.hires());
    }
}
