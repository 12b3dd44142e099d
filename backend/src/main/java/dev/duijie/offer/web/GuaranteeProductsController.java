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
import dev.duijie.shared.Inputs;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GuaranteeProductsController implements GuaranteeProductsApi {

    private final OfferEndpoints<GuaranteeProduct, GuaranteeTerms, GuaranteeProductDto> endpoints;

    GuaranteeProductsController(OfferService<GuaranteeProduct, GuaranteeTerms> products) {
        this.endpoints = new OfferEndpoints<>(products, "/guarantee-products", GuaranteeProductsController::toDto);
    }

    @Override
    public ResponseEntity<GuaranteeProductPageDto> listGuaranteeProducts(Boolean mine, @Nullable String cursor,
            Integer limit) {
        return endpoints.list(mine, cursor, limit, (items, next) -> new GuaranteeProductPageDto().items(items).nextCursor(next));
    }

    @Override
    public ResponseEntity<GuaranteeProductDto> createGuaranteeProduct(GuaranteeProductDraftDto body,
            @Nullable String idempotencyKey) {
        return endpoints.create(terms(body), idempotencyKey);
    }

    @Override
    public ResponseEntity<GuaranteeProductDto> getGuaranteeProduct(UUID productId) {
        return endpoints.get(productId);
    }

    @Override
    public ResponseEntity<GuaranteeProductDto> updateGuaranteeProduct(UUID productId, GuaranteeProductDraftDto body,
            @Nullable String ifMatch) {
        return endpoints.update(productId, ifMatch, terms(body));
    }

    @Override
    public ResponseEntity<GuaranteeProductDto> changeGuaranteeProductStatus(UUID productId, OfferStatusChangeDto body,
            @Nullable String ifMatch) {
        return endpoints.changeStatus(productId, ifMatch, body);
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
                .tiers(LoanProductDtos.toSet(terms.tiers(), EnterpriseTierDto::fromValue))
                .counterGuaranteeRequired(terms.counterGuaranteeRequired());
    }
}
