package dev.duijie.organization.web;

import dev.duijie.api.OrganizationsApi;
import dev.duijie.api.dto.EnterpriseFlagDto;
import dev.duijie.api.dto.EnterpriseTierDto;
import dev.duijie.api.dto.OrganizationDto;
import dev.duijie.api.dto.OrganizationPageDto;
import dev.duijie.api.dto.OrganizationRegistrationDto;
import dev.duijie.api.dto.OrganizationTypeDto;
import dev.duijie.api.dto.VerificationDto;
import dev.duijie.organization.Organization;
import dev.duijie.organization.OrganizationService;
import dev.duijie.organization.OrganizationType;
import dev.duijie.organization.Registration;
import dev.duijie.security.Callers;
import dev.duijie.shared.Inputs;
import dev.duijie.shared.Page;
import dev.duijie.shared.Versions;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrganizationsController implements OrganizationsApi {

    private final OrganizationService organizations;

    OrganizationsController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Override
    public ResponseEntity<OrganizationPageDto> listOrganizations(
            @Nullable Boolean verified, @Nullable String cursor, Integer limit) {
        Page<Organization> page = organizations.list(Callers.current(), verified, cursor, limit);
        return ResponseEntity.ok(new OrganizationPageDto()
                .items(page.items().stream().map(OrganizationsController::toDto).toList())
                .nextCursor(page.nextCursor()));
    }

    @Override
    public ResponseEntity<OrganizationDto> registerOrganization(
            OrganizationRegistrationDto body, @Nullable String idempotencyKey) {
        Registration registration = new Registration(
                OrganizationType.valueOf(body.getType().name()),
                Inputs.text("name", body.getName(), 2),
                body.getCreditCode(),
                body.getRegion(),
                Inputs.items("industries", body.getIndustries()),
                body.getTier() == null ? null : body.getTier().getValue(),
                Inputs.items("flags", body.getFlags()).stream()
                        .map(EnterpriseFlagDto::getValue)
                        .toList());
        Organization organization = organizations.register(Callers.current(), registration, idempotencyKey);
        return ResponseEntity.created(URI.create("/organizations/" + organization.id()))
                .eTag(Versions.etag(organization.version()))
                .body(toDto(organization));
    }

    @Override
    public ResponseEntity<OrganizationDto> getMyOrganization() {
        return withEtag(organizations.mine(Callers.current()));
    }

    @Override
    public ResponseEntity<OrganizationDto> getOrganization(UUID organizationId) {
        return withEtag(organizations.get(Callers.current(), organizationId));
    }

    @Override
    public ResponseEntity<OrganizationDto> verifyOrganization(UUID organizationId, VerificationDto body) {
        return withEtag(organizations.verify(
                Callers.current(), organizationId, Boolean.TRUE.equals(body.getLicenceChecked()), body.getNote()));
    }

    private static ResponseEntity<OrganizationDto> withEtag(Organization organization) {
        return ResponseEntity.ok().eTag(Versions.etag(organization.version())).body(toDto(organization));
    }

    static OrganizationDto toDto(Organization organization) {
        return new OrganizationDto()
                .id(organization.id())
                .type(OrganizationTypeDto.valueOf(organization.type().name()))
                .name(organization.name())
                .creditCode(organization.creditCode().value())
                .region(organization.region())
                .industries(organization.industries())
                .tier(organization.tier() == null ? null : EnterpriseTierDto.fromValue(organization.tier()))
                .flags(organization.flags().stream()
                        .map(EnterpriseFlagDto::fromValue)
                        .toList())
                .verified(organization.verified())
                .verifiedAt(
                        organization.verifiedAt() == null
                                ? null
                                : organization.verifiedAt().atOffset(ZoneOffset.UTC))
                .version(organization.version())
                .createdAt(organization.createdAt().atOffset(ZoneOffset.UTC));
    }
}
