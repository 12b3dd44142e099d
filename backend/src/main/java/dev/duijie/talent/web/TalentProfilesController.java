package dev.duijie.talent.web;

import dev.duijie.api.TalentApi;
import dev.duijie.api.dto.ReferralDto;
import dev.duijie.api.dto.ReferralPageDto;
import dev.duijie.api.dto.ApplicationStatusDto;
import dev.duijie.api.dto.TalentProfileDraftDto;
import dev.duijie.api.dto.TalentProfileDto;
import dev.duijie.security.Callers;
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
                .items(referrals.page().items().stream().map(referral -> new ReferralDto()
                        .applicationId(referral.application().id())
                        .needTitle(referral.application().needTitle())
                        .referredName(referral.referredName())
                        .status(ApplicationStatusDto.valueOf(referral.application().status().name()))
                        .createdAt(TalentDtos.utc(referral.application().createdAt())))
                        .toList())
                .hires(referrals.hires())
                .nextCursor(referrals.page().nextCursor()));
    }

    private static ResponseEntity<TalentProfileDto> own(TalentProfile profile) {
        return ResponseEntity.ok().eTag(Versions.etag(profile.version()))
                .body(TalentDtos.profile(new ProfileView(profile, true, true)));
    }
}
