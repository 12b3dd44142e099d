package dev.duijie.talent.web;

import dev.duijie.api.dto.ApplicationDto;
import dev.duijie.api.dto.ApplicationStatusDto;
import dev.duijie.api.dto.EducationLevelDto;
import dev.duijie.api.dto.TalentContactDto;
import dev.duijie.api.dto.TalentNeedDraftDto;
import dev.duijie.api.dto.TalentNeedDto;
import dev.duijie.api.dto.TalentNeedStatusDto;
import dev.duijie.api.dto.TalentPolicyTagDto;
import dev.duijie.api.dto.TalentProfileDraftDto;
import dev.duijie.api.dto.TalentProfileDto;
import dev.duijie.api.dto.TalentVisibilityDto;
import dev.duijie.shared.Inputs;
import dev.duijie.talent.Application;
import dev.duijie.talent.EducationLevel;
import dev.duijie.talent.ProfileView;
import dev.duijie.talent.TalentNeed;
import dev.duijie.talent.TalentNeedContent;
import dev.duijie.talent.TalentProfile;
import dev.duijie.talent.TalentProfileContent;
import dev.duijie.talent.Visibility;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** Talent profiles, needs and applications as the API shows and takes them. */
// other features' web packages show this in their answers (matches, campaign candidates)
@NamedInterface("dtos")
public final class TalentDtos {

    private TalentDtos() {}

    static TalentProfileContent profileContent(TalentProfileDraftDto body) {
        return new TalentProfileContent(
                Inputs.text("displayName", body.getDisplayName(), 1),
                Inputs.items("skills", body.getSkills()),
                Inputs.items("tags", body.getTags()).stream()
                        .map(String::strip)
                        .filter(tag -> !tag.isEmpty())
                        .toList(),
                EducationLevel.valueOf(body.getEducation().name()),
                body.getYearsExperience(),
                Inputs.text("currentCity", body.getCurrentCity(), 1),
                body.getHometownRegion(),
                body.getWillingToReturn(),
                body.getSalaryMinFen(),
                body.getSalaryMaxFen(),
                Inputs.optionalText(body.getResume()),
                Inputs.optionalText(body.getPhone()),
                Inputs.optionalText(body.getEmail()),
                Visibility.valueOf(body.getVisibility().name()));
    }

    public static TalentProfileDto profile(ProfileView view) {
        TalentProfile profile = view.profile();
        TalentProfileContent content = profile.content();
        return new TalentProfileDto()
                .id(profile.id())
                .displayName(view.displayName())
                .skills(new LinkedHashSet<>(content.skills()))
                .tags(content.tags())
                .education(EducationLevelDto.valueOf(content.education().name()))
                .yearsExperience(content.yearsExperience())
                .currentCity(content.currentCity())
                .hometownRegion(content.hometownRegion())
                .willingToReturn(content.willingToReturn())
                .salaryMinFen(content.salaryMinFen())
                .salaryMaxFen(content.salaryMaxFen())
                .resume(content.resume())
                .contact(new TalentContactDto()
                        .phone(view.phone())
                        .email(view.email())
                        .masked(!view.contactVisible()))
                .visibility(TalentVisibilityDto.valueOf(content.visibility().name()))
                .version(profile.version())
                .createdAt(utc(profile.createdAt()))
                .updatedAt(utc(profile.updatedAt()));
    }

    static TalentNeedContent needContent(TalentNeedDraftDto body) {
        return new TalentNeedContent(
                Inputs.text("title", body.getTitle(), 2),
                Inputs.optionalText(body.getDescription()),
                body.getIndustry(),
                body.getHeadcount(),
                Inputs.items("requiredSkills", body.getRequiredSkills()),
                Inputs.items("preferredSkills", body.getPreferredSkills()),
                EducationLevel.valueOf(body.getMinEducation().name()),
                body.getMinYearsExperience(),
                body.getSalaryMinFen(),
                body.getSalaryMaxFen(),
                body.getRegion(),
                Inputs.optionalText(body.getBenefits()),
                Inputs.items("policyTags", body.getPolicyTags()).stream()
                        .map(TalentPolicyTagDto::getValue)
                        .toList());
    }

    public static TalentNeedDto need(TalentNeed need) {
        TalentNeedContent content = need.content();
        return new TalentNeedDto()
                .id(need.id())
                .organizationId(need.organizationId())
                .organizationName(need.organizationName())
                .status(TalentNeedStatusDto.valueOf(need.status().name()))
                .title(content.title())
                .description(content.description())
                .industry(content.industry())
                .headcount(content.headcount())
                .openHeadcount(need.openHeadcount())
                .requiredSkills(new LinkedHashSet<>(content.requiredSkills()))
                .preferredSkills(new LinkedHashSet<>(content.preferredSkills()))
                .minEducation(EducationLevelDto.valueOf(content.minEducation().name()))
                .minYearsExperience(content.minYearsExperience())
                .salaryMinFen(content.salaryMinFen())
                .salaryMaxFen(content.salaryMaxFen())
                .region(content.region())
                .benefits(content.benefits())
                .policyTags(content.policyTags().stream()
                        .map(TalentPolicyTagDto::fromValue)
                        .toList())
                .publishedAt(utc(need.publishedAt()))
                .closedAt(utc(need.closedAt()))
                .version(need.version())
                .createdAt(utc(need.createdAt()))
                .updatedAt(utc(need.updatedAt()));
    }

    static ApplicationDto application(Application application, @Nullable ProfileView applicant) {
        return new ApplicationDto()
                .id(application.id())
                .needId(application.needId())
                .needTitle(application.needTitle())
                .organizationId(application.organizationId())
                .talentProfileId(application.talentProfileId())
                .referrerProfileId(application.referrerProfileId())
                .campaignId(application.campaignId())
                .status(ApplicationStatusDto.valueOf(application.status().name()))
                .coverLetter(application.coverLetter())
                .applicant(applicant == null ? null : profile(applicant))
                .decidedAt(utc(application.decidedAt()))
                .version(application.version())
                .createdAt(utc(application.createdAt()))
                .updatedAt(utc(application.updatedAt()));
    }

    public static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
