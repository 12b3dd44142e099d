package dev.duijie.offer.web;

import dev.duijie.api.InvestmentOffersApi;
import dev.duijie.api.dto.FinancingRequestStatusDto;
import dev.duijie.api.dto.InterestDraftDto;
import dev.duijie.api.dto.InterestDto;
import dev.duijie.api.dto.InterestListDto;
import dev.duijie.api.dto.InvestmentOfferDraftDto;
import dev.duijie.api.dto.InvestmentOfferDto;
import dev.duijie.api.dto.InvestmentOfferPageDto;
import dev.duijie.api.dto.InvestmentStageDto;
import dev.duijie.api.dto.MyInterestDto;
import dev.duijie.api.dto.MyInterestPageDto;
import dev.duijie.api.dto.OfferStatusChangeDto;
import dev.duijie.api.dto.RequestSummaryDto;
import dev.duijie.financing.FinancingRequest;
import dev.duijie.offer.Interest;
import dev.duijie.offer.InterestService;
import dev.duijie.offer.InvestmentOffer;
import dev.duijie.offer.InvestmentTerms;
import dev.duijie.offer.MyInterest;
import dev.duijie.offer.OfferService;
import dev.duijie.security.Callers;
import dev.duijie.shared.Inputs;
import dev.duijie.shared.Page;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InvestmentOffersController implements InvestmentOffersApi {

    private final OfferEndpoints<InvestmentOffer, InvestmentTerms, InvestmentOfferDto> endpoints;
    private final InterestService interests;

    InvestmentOffersController(OfferService<InvestmentOffer, InvestmentTerms> offers, InterestService interests) {
        this.endpoints = new OfferEndpoints<>(offers, "/investment-offers", InvestmentOfferDtos::toDto);
        this.interests = interests;
    }

    @Override
    public ResponseEntity<InvestmentOfferPageDto> listInvestmentOffers(
            Boolean mine, @Nullable String cursor, Integer limit) {
        return endpoints.list(
                mine,
                cursor,
                limit,
                (items, next) -> new InvestmentOfferPageDto().items(items).nextCursor(next));
    }

    @Override
    public ResponseEntity<InvestmentOfferDto> createInvestmentOffer(
            InvestmentOfferDraftDto body, @Nullable String idempotencyKey) {
        return endpoints.create(terms(body), idempotencyKey);
    }

    @Override
    public ResponseEntity<InvestmentOfferDto> getInvestmentOffer(UUID productId) {
        return endpoints.get(productId);
    }

    @Override
    public ResponseEntity<InvestmentOfferDto> updateInvestmentOffer(
            UUID productId, InvestmentOfferDraftDto body, @Nullable String ifMatch) {
        return endpoints.update(productId, ifMatch, terms(body));
    }

    @Override
    public ResponseEntity<InvestmentOfferDto> changeInvestmentOfferStatus(
            UUID productId, OfferStatusChangeDto body, @Nullable String ifMatch) {
        return endpoints.changeStatus(productId, ifMatch, body);
    }

    @Override
    public ResponseEntity<InterestDto> expressInterest(UUID requestId, InterestDraftDto body) {
        return ResponseEntity.ok(toDto(interests.express(
                Callers.current(), requestId, body.getInvestmentOfferId(), Inputs.optionalText(body.getNote()))));
    }

    @Override
    public ResponseEntity<InterestListDto> listInterests(UUID requestId) {
        return ResponseEntity.ok(new InterestListDto()
                .items(interests.onRequest(Callers.current(), requestId).stream()
                        .map(InvestmentOffersController::toDto)
                        .toList()));
    }

    @Override
    public ResponseEntity<MyInterestPageDto> listMyInterests(@Nullable String cursor, Integer limit) {
        Page<MyInterest> page = interests.mine(Callers.current(), cursor, limit);
        return ResponseEntity.ok(new MyInterestPageDto()
                .items(page.items().stream()
                        .map(InvestmentOffersController::toDto)
                        .toList())
                .nextCursor(page.nextCursor()));
    }

    private static InvestmentTerms terms(InvestmentOfferDraftDto body) {
        return new InvestmentTerms(
                Inputs.text("name", body.getName(), 2),
                Inputs.optionalText(body.getDescription()),
                body.getKind().getValue(),
                body.getTicketMinFen(),
                body.getTicketMaxFen(),
                Inputs.items("industries", body.getIndustries()),
                Inputs.items("stages", body.getStages()).stream()
                        .map(InvestmentStageDto::getValue)
                        .toList(),
                Inputs.optionalText(body.getHometownTie()));
    }

    private static MyInterestDto toDto(MyInterest mine) {
        Interest interest = mine.interest();
        FinancingRequest request = mine.request();
        return new MyInterestDto()
                .financingRequestId(interest.financingRequestId())
                .investmentOfferId(interest.investmentOfferId())
                .note(interest.note())
                .createdAt(interest.createdAt().atOffset(ZoneOffset.UTC))
                .request(
                        request == null
                                ? null
                                : new RequestSummaryDto()
                                        .title(request.content().title())
                                        .organizationName(request.organizationName())
                                        .amountFen(request.content().amountFen())
                                        .status(FinancingRequestStatusDto.valueOf(
                                                request.status().name()))
                                        .bidDeadline(
                                                request.bidDeadline() == null
                                                        ? null
                                                        : request.bidDeadline().atOffset(ZoneOffset.UTC)));
    }

    private static InterestDto toDto(Interest interest) {
        return new InterestDto()
                .financingRequestId(interest.financingRequestId())
                .investorOrganizationId(interest.investorOrganizationId())
                .investorName(interest.investorName())
                .investmentOfferId(interest.investmentOfferId())
                .note(interest.note())
                .createdAt(interest.createdAt().atOffset(ZoneOffset.UTC));
    }
}
