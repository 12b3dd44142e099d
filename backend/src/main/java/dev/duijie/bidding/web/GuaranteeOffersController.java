package dev.duijie.bidding.web;

import dev.duijie.api.GuaranteeOffersApi;
import dev.duijie.api.dto.GuaranteeOfferDraftDto;
import dev.duijie.api.dto.GuaranteeOfferDto;
import dev.duijie.api.dto.GuaranteeOfferPageDto;
import dev.duijie.bidding.GuaranteeOffer;
import dev.duijie.bidding.GuaranteeOfferService;
import dev.duijie.security.Callers;
import dev.duijie.shared.Inputs;
import dev.duijie.shared.Page;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GuaranteeOffersController implements GuaranteeOffersApi {

    private final GuaranteeOfferService offers;

    GuaranteeOffersController(GuaranteeOfferService offers) {
        this.offers = offers;
    }

    @Override
    public ResponseEntity<GuaranteeOfferDto> submitGuaranteeOffer(
            UUID requestId, GuaranteeOfferDraftDto body, @Nullable String idempotencyKey) {
        GuaranteeOffer.Terms terms = new GuaranteeOffer.Terms(
                body.getGuaranteeProductId(),
                body.getCoverageRatioBp(),
                body.getAnnualFeeRateBp(),
                Inputs.optionalText(body.getConditions()),
                body.getValidUntil().toInstant());
        GuaranteeOffer offer = offers.submit(Callers.current(), requestId, terms, idempotencyKey);
        return ResponseEntity.created(URI.create("/guarantee-offers/" + offer.id()))
                .body(toDto(offer));
    }

    @Override
    public ResponseEntity<GuaranteeOfferPageDto> listGuaranteeOffersOnRequest(
            UUID requestId, @Nullable String cursor, Integer limit) {
        return ResponseEntity.ok(toPageDto(offers.onRequest(Callers.current(), requestId, cursor, limit)));
    }

    @Override
    public ResponseEntity<GuaranteeOfferPageDto> listMyGuaranteeOffers(@Nullable String cursor, Integer limit) {
        return ResponseEntity.ok(toPageDto(offers.mine(Callers.current(), cursor, limit)));
    }

    @Override
    public ResponseEntity<GuaranteeOfferDto> getGuaranteeOffer(UUID offerId) {
        return ResponseEntity.ok(toDto(offers.get(Callers.current(), offerId)));
    }

    @Override
    public ResponseEntity<GuaranteeOfferDto> withdrawGuaranteeOffer(UUID offerId) {
        return ResponseEntity.ok(toDto(offers.withdraw(Callers.current(), offerId)));
    }

    @Override
    public ResponseEntity<GuaranteeOfferDto> acceptGuaranteeOffer(UUID offerId) {
        return ResponseEntity.ok(toDto(offers.accept(Callers.current(), offerId)));
    }

    private static GuaranteeOfferPageDto toPageDto(Page<GuaranteeOffer> page) {
        return new GuaranteeOfferPageDto()
                .items(page.items().stream()
                        .map(GuaranteeOffersController::toDto)
                        .toList())
                .nextCursor(page.nextCursor());
    }

    private static GuaranteeOfferDto toDto(GuaranteeOffer offer) {
        return new GuaranteeOfferDto()
                .id(offer.id())
                .financingRequestId(offer.financingRequestId())
                .guarantorOrganizationId(offer.guarantorOrganizationId())
                .guarantorName(offer.guarantorName())
                .guaranteeProductId(offer.guaranteeProductId())
                .status(GuaranteeOfferDto.StatusEnum.fromValue(
                        offer.status().name().toLowerCase(Locale.ROOT)))
                .coverageRatioBp(offer.coverageRatioBp())
                .annualFeeRateBp(offer.annualFeeRateBp())
                .conditions(offer.conditions())
                .validUntil(offer.validUntil().atOffset(ZoneOffset.UTC))
                .version(offer.version())
                .createdAt(offer.createdAt().atOffset(ZoneOffset.UTC))
                .updatedAt(offer.updatedAt().atOffset(ZoneOffset.UTC));
    }
}
