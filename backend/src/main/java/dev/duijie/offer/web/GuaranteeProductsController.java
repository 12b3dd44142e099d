package dev.duijie.offer.web;

import dev.duijie.api.GuaranteeProductsApi;
import dev.duijie.api.dto.EnterpriseTierDto;
import dev.duijie.api.dto.GuaranteeProductDraftDto;
import dev.duijie.api.dto.GuaranteeProductDto;
import dev.duijie.api.dto.GuaranteeProductPageDto;
import dev.duijie.api.dto.OfferStatusChangeDto;
import dev.duijie.api.dto.OfferStatusDto;
import dev.duijie.offer.GuaranteeProduct;
import dev.duijie.offer.GuaranteeTerms;
import dev.duijie.offer.OfferService;
import dev.duijie.offer.OfferState;
import dev.duijie.offer.OfferStatus;
import dev.duijie.security.Callers;
import dev.duijie.shared.Inputs;
import dev.duijie.shared.Versions;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GuaranteeProductsController implements GuaranteeProductsApi {

    private final OfferService<GuaranteeProduct, GuaranteeTerms> products;

    GuaranteeProductsController(OfferService<GuaranteeProduct, GuaranteeTerms> products) {
        this.products = products;
    }

    @Override
    public ResponseEntity<GuaranteeProductPageDto> listGuaranteeProducts(Boolean mine, @Nullable String cursor,
            Integer limit) {
        var page = products.list(Callers.current(), Boolean.TRUE.equals(mine), cursor, limit);
        return ResponseEntity.ok(new GuaranteeProductPageDto()
                .items(page.items().stream().map(GuaranteeProductsController::toDto).toList())
                .nextCursor(page.nextCursor()));
    }

    @Override
    public ResponseEntity<GuaranteeProductDto> createGuaranteeProduct(GuaranteeProductDraftDto body,
            @Nullable String idempotencyKey) {
        GuaranteeProduct created = products.create(Callers.current(), terms(body), idempotencyKey);
        return ResponseEntity.created(URI.create("/guarantee-products/" + created.state().id()))
                .eTag(Versions.etag(created.state().version()))
                .body(toDto(created));
    }

    @Override
    public ResponseEntity<GuaranteeProductDto> getGuaranteeProduct(UUID productId) {
        return withEtag(products.get(Callers.current(), productId));
    }

    @Override
    public ResponseEntity<GuaranteeProductDto> updateGuaranteeProduct(UUID productId, GuaranteeProductDraftDto body,
            @Nullable String ifMatch) {
        return withEtag(products.update(Callers.current(), productId, Versions.fromIfMatch(ifMatch), terms(body)));
    }

    @Override
    public ResponseEntity<GuaranteeProductDto> changeGuaranteeProductStatus(UUID productId, OfferStatusChangeDto body,
            @Nullable String ifMatch) {
        return withEtag(products.changeStatus(Callers.current(), productId, Versions.fromOptionalIfMatch(ifMatch),
                OfferStatus.valueOf(body.getStatus().name())));
    }

    private static GuaranteeTerms terms(GuaranteeProductDraftDto body) {
        return new GuaranteeTerms(
                Inputs.text("name", body.getName(), 2),
                Inputs.optionalText(body.getDescription()),
                body.getMaxAmountFen(),
                body.getCoverageRatioBp(),
                body.getAnnualFeeRateBp(),
                Inputs.items("industries", body.getIndustries()),
                Inputs.items("tiers", body.getTiers()).stream().map(EnterpriseTierDto::getValue).toList(),
                body.getCounterGuaranteeRequired());
    }

    private static ResponseEntity<GuaranteeProductDto> withEtag(GuaranteeProduct product) {
        return ResponseEntity.ok().eTag(Versions.etag(product.state().version())).body(toDto(product));
    }

    private static GuaranteeProductDto toDto(GuaranteeProduct product) {
        OfferState state = product.state();
        GuaranteeTerms terms = product.terms();
        return new GuaranteeProductDto()
                .id(state.id())
                .organizationId(state.organizationId())
                .organizationName(state.organizationName())
                .status(OfferStatusDto.valueOf(state.status().name()))
                .version(state.version())
                .createdAt(state.createdAt().atOffset(ZoneOffset.UTC))
                .updatedAt(state.updatedAt().atOffset(ZoneOffset.UTC))
                .name(terms.name())
                .description(terms.description())
                .maxAmountFen(terms.maxAmountFen())
                .coverageRatioBp(terms.coverageRatioBp())
                .annualFeeRateBp(terms.annualFeeRateBp())
                .industries(new java.util.LinkedHashSet<>(terms.industries()))
                .tiers(LoanProductsController.toSet(terms.tiers(), EnterpriseTierDto::fromValue))
                .counterGuaranteeRequired(terms.counterGuaranteeRequired());
    }
}
