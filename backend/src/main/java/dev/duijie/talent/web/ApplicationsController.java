package dev.duijie.talent.web;

import dev.duijie.api.ApplicationsApi;
import dev.duijie.api.dto.ApplicationDraftDto;
import dev.duijie.api.dto.ApplicationDto;
import dev.duijie.api.dto.ApplicationPageDto;
import dev.duijie.api.dto.ApplicationStatusChangeDto;
import dev.duijie.security.Callers;
import dev.duijie.shared.Inputs;
import dev.duijie.shared.Page;
import dev.duijie.shared.Versions;
import dev.duijie.talent.Application;
import dev.duijie.talent.ApplicationService;
import dev.duijie.talent.ApplicationStatus;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ApplicationsController implements ApplicationsApi {

    private final ApplicationService applications;

    ApplicationsController(ApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public ResponseEntity<ApplicationDto> applyToTalentNeed(
            UUID needId, ApplicationDraftDto body, @Nullable String idempotencyKey) {
        Application created = applications.apply(
                Callers.current(),
                needId,
                new ApplicationService.Draft(
                        Inputs.optionalText(body.getCoverLetter()), body.getReferrerProfileId(), body.getCampaignId()),
                idempotencyKey);
        return ResponseEntity.created(URI.create("/talent-applications/" + created.id()))
                .eTag(Versions.etag(created.version()))
                .body(TalentDtos.application(created, null));
    }

    @Override
    public ResponseEntity<ApplicationDto> getApplication(UUID applicationId) {
        return withEtag(applications.get(Callers.current(), applicationId));
    }

    @Override
    public ResponseEntity<ApplicationPageDto> listMyApplications(@Nullable String cursor, Integer limit) {
        Page<Application> page = applications.listMine(Callers.current(), cursor, limit);
        return ResponseEntity.ok(new ApplicationPageDto()
                .items(page.items().stream()
                        .map(application -> TalentDtos.application(application, null))
                        .toList())
                .nextCursor(page.nextCursor()));
    }

    @Override
    public ResponseEntity<ApplicationPageDto> listApplicationsToNeed(
            UUID needId, @Nullable String cursor, Integer limit) {
        Page<ApplicationService.ApplicationWithApplicant> page =
                applications.listForNeed(Callers.current(), needId, cursor, limit);
        return ResponseEntity.ok(new ApplicationPageDto()
                .items(page.items().stream()
                        .map(item -> TalentDtos.application(item.application(), item.applicant()))
                        .toList())
                .nextCursor(page.nextCursor()));
    }

    @Override
    public ResponseEntity<ApplicationDto> moveApplication(
            UUID applicationId, ApplicationStatusChangeDto body, @Nullable String ifMatch) {
        return withEtag(applications.move(
                Callers.current(),
                applicationId,
                Versions.fromOptionalIfMatch(ifMatch),
                ApplicationStatus.valueOf(body.getStatus().name())));
    }

    @Override
    public ResponseEntity<ApplicationDto> withdrawApplication(UUID applicationId, @Nullable String ifMatch) {
        return withEtag(applications.withdraw(Callers.current(), applicationId, Versions.fromOptionalIfMatch(ifMatch)));
    }

    private static ResponseEntity<ApplicationDto> withEtag(Application application) {
        return ResponseEntity.ok()
                .eTag(Versions.etag(application.version()))
                .body(TalentDtos.application(application, null));
    }
}
