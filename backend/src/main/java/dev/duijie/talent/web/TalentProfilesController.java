package dev.duijie.talent.web;

import dev.duijie.api.TalentApi;
import dev.duijie.api.dto.ApplicationStatusDto;
import dev.duijie.api.dto.ReferralDto;
import dev.duijie.api.dto.ReferralLinkDto;
import dev.duijie.api.dto.ReferralLinkPageDto;
import dev.duijie.api.dto.ReferralPageDto;
import dev.duijie.api.dto.TalentProfileDraftDto;
import dev.duijie.api.dto.TalentProfileDto;
import dev.duijie.security.Callers;
import dev.duijie.shared.Page;
import dev.duijie.shared.Versions;
import dev.duijie.talent.ApplicationService;
import dev.duijie.talent.ProfileView;
import dev.duijie.talent.TalentProfile;
import dev.duijie.talent.TalentProfileService;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TalentProfilesController implements TalentApi {

    private final TalentProfileService profiles;
    private final ApplicationService applications;

    TalentProfilesController(TalentProfileService profiles, ApplicationService applications) {
        this.profiles = profiles;
        this.applications = applications;
    }

    @Override
    public ResponseEntity<TalentProfileDto> getMyTalentProfile() {
        return own(profiles.mine(Callers.current()));
    }

    @Override
    public ResponseEntity<TalentProfileDto> saveMyTalentProfile(TalentProfileDraftDto body, @Nullable String ifMatch) {
        return own(profiles.save(Callers.current(), ifMatch, TalentDtos.profileContent(body)));
    }

    @Override
    public ResponseEntity<TalentProfileDto> getTalentProfile(UUID profileId) {
        return ResponseEntity.ok(TalentDtos.profile(profiles.view(Callers.current(), profileId)));
    }

    @Override
    public ResponseEntity<ReferralPageDto> listMyReferrals(@Nullable String cursor, Integer limit) {
        ApplicationService.Referrals referrals = applications.referrals(Callers.current(), cursor, limit);
        return ResponseEntity.ok(new ReferralPageDto()
                .items(referrals.page().items().stream()
                        .map(referral -> new ReferralDto()
                                .applicationId(referral.application().id())
                                .needTitle(referral.application().needTitle())
                                .referredName(referral.referredName())
                                .status(ApplicationStatusDto.valueOf(
                                        referral.application().status().name()))
                                .createdAt(TalentDtos.utc(referral.application().createdAt())))
                        .toList())
                .hires(referrals.hires())
                .nextCursor(referrals.page().nextCursor()));
    }

    @Override
    public ResponseEntity<ReferralLinkPageDto> listReferrals(@Nullable String cursor, Integer limit) {
        Page<ApplicationService.ReferralLink> page = applications.allReferrals(Callers.current(), cursor, limit);
        return ResponseEntity.ok(new ReferralLinkPageDto()
                .items(page.items().stream()
                        .map(link -> new ReferralLinkDto()
                                .applicationId(link.application().id())
                                .referrerProfileId(link.referrerId())
                                .referrerName(link.referrerName())
                                .referredProfileId(link.referredId())
                                .referredName(link.referredName())
                                .needId(link.application().needId())
                                .needTitle(link.application().needTitle())
                                .status(ApplicationStatusDto.valueOf(
                                        link.application().status().name()))
                                .createdAt(TalentDtos.utc(link.application().createdAt())))
                        .toList())
                .nextCursor(page.nextCursor()));
    }

    private static ResponseEntity<TalentProfileDto> own(TalentProfile profile) {
        return ResponseEntity.ok()
                .eTag(Versions.etag(profile.version()))
                .body(TalentDtos.profile(new ProfileView(profile, true, true)));
    }
}
