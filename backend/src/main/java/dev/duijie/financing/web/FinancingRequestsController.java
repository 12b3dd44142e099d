package dev.duijie.financing.web;

import dev.duijie.api.FinancingRequestsApi;
import dev.duijie.api.MarketplaceApi;
import dev.duijie.api.dto.CollateralTypeDto;
import dev.duijie.api.dto.FinancingRequestDraftDto;
import dev.duijie.api.dto.FinancingRequestDto;
import dev.duijie.api.dto.FinancingRequestPageDto;
import dev.duijie.api.dto.FinancingRequestStatusDto;
import dev.duijie.api.dto.PublicationDto;
import dev.duijie.api.dto.RequestHistoryActionDto;
import dev.duijie.api.dto.RequestHistoryEntryDto;
import dev.duijie.api.dto.RequestHistoryPageDto;
import dev.duijie.financing.FinancingRequest;
import dev.duijie.financing.FinancingRequestService;
import dev.duijie.financing.FinancingRequestStatus;
import dev.duijie.financing.OpenRequestSearch;
import dev.duijie.financing.RequestContent;
import dev.duijie.financing.RequestHistory;
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
class FinancingRequestsController implements FinancingRequestsApi, MarketplaceApi {

    private final FinancingRequestService requests;
    private final OpenRequestSearch openRequests;
    private final RequestHistory history;

    FinancingRequestsController(
            FinancingRequestService requests, OpenRequestSearch openRequests, RequestHistory history) {
        this.requests = requests;
        this.openRequests = openRequests;
        this.history = history;
    }

    @Override
    public ResponseEntity<FinancingRequestDto> createFinancingRequest(
            FinancingRequestDraftDto body, @Nullable String idempotencyKey) {
        FinancingRequest created = requests.create(Callers.current(), content(body), idempotencyKey);
        return ResponseEntity.created(URI.create("/financing-requests/" + created.id()))
                .eTag(Versions.etag(created.version()))
                .body(FinancingRequestDtos.toDto(created));
    }

    @Override
    public ResponseEntity<FinancingRequestDto> getFinancingRequest(UUID requestId) {
        return withEtag(requests.get(Callers.current(), requestId));
    }

    @Override
    public ResponseEntity<FinancingRequestPageDto> listMyFinancingRequests(
            @Nullable FinancingRequestStatusDto status, @Nullable String cursor, Integer limit) {
        FinancingRequestStatus wanted = status == null ? null : FinancingRequestStatus.valueOf(status.name());
        return ResponseEntity.ok(toPageDto(requests.listOwn(Callers.current(), wanted, cursor, limit)));
    }

    @Override
    public ResponseEntity<FinancingRequestDto> updateFinancingRequest(
            UUID requestId, FinancingRequestDraftDto body, @Nullable String ifMatch) {
        long version = Versions.fromIfMatch(ifMatch);
        return withEtag(requests.update(Callers.current(), requestId, version, content(body)));
    }

    @Override
    public ResponseEntity<FinancingRequestDto> publishFinancingRequest(
            UUID requestId, PublicationDto body, @Nullable String ifMatch) {
        return withEtag(requests.publish(
                Callers.current(),
                requestId,
                Versions.fromOptionalIfMatch(ifMatch),
                body.getBidDeadline().toInstant()));
    }

    @Override
    public ResponseEntity<FinancingRequestDto> withdrawFinancingRequest(UUID requestId, @Nullable String ifMatch) {
        return withEtag(requests.withdraw(Callers.current(), requestId, Versions.fromOptionalIfMatch(ifMatch)));
    }

    @Override
    public ResponseEntity<RequestHistoryPageDto> listFinancingRequestHistory(
            UUID requestId, @Nullable String cursor, Integer limit) {
        Page<RequestHistory.Entry> page = history.of(Callers.current(), requestId, cursor, limit);
        return ResponseEntity.ok(new RequestHistoryPageDto()
                .items(page.items().stream()
                        .map(FinancingRequestsController::toDto)
                        .toList())
                .nextCursor(page.nextCursor()));
    }

    private static RequestHistoryEntryDto toDto(RequestHistory.Entry entry) {
        return new RequestHistoryEntryDto()
                .id(entry.id())
                .occurredAt(entry.occurredAt().atOffset(ZoneOffset.UTC))
                .action(RequestHistoryActionDto.fromValue(entry.action()))
                .actorOrganizationId(entry.actorOrganization())
                .actorOrganizationName(entry.actorOrganizationName())
                .actorSubject(entry.actorSubject())
                .bidId(entry.bidId())
                .bankName(entry.bankName())
                .guaranteeOfferId(entry.guaranteeOfferId())
                .guarantorName(entry.guarantorName());
    }

    @Override
    public ResponseEntity<FinancingRequestPageDto> searchOpenFinancingRequests(
            @Nullable String q,
            @Nullable String industry,
            @Nullable String region,
            @Nullable Long minAmountFen,
            @Nullable Long maxAmountFen,
            @Nullable String cursor,
            Integer limit) {
        var criteria = new OpenRequestSearch.Criteria(q, industry, region, minAmountFen, maxAmountFen);
        return ResponseEntity.ok(toPageDto(openRequests.search(Callers.current(), criteria, cursor, limit)));
    }

    private static RequestContent content(FinancingRequestDraftDto body) {
        return new RequestContent(
                Inputs.text("title", body.getTitle(), 2),
                Inputs.text("purpose", body.getPurpose(), 2),
                Inputs.optionalText(body.getDescription()),
                body.getAmountFen(),
                body.getTermMonths(),
                body.getIndustry(),
                body.getRegion(),
                Inputs.items("collateralOffered", body.getCollateralOffered()).stream()
                        .map(CollateralTypeDto::getValue)
                        .toList(),
                body.getGuaranteeWanted(),
                body.getMaxAnnualRateBp());
    }

    private static ResponseEntity<FinancingRequestDto> withEtag(FinancingRequest request) {
        return ResponseEntity.ok().eTag(Versions.etag(request.version())).body(FinancingRequestDtos.toDto(request));
    }

    private static FinancingRequestPageDto toPageDto(Page<FinancingRequest> page) {
        return new FinancingRequestPageDto()
                .items(page.items().stream().map(FinancingRequestDtos::toDto).toList())
                .nextCursor(page.nextCursor());
    }
}
