package dev.duijie.offer.web;

import dev.duijie.api.GuaranteeProductsApi;
import dev.duijie.api.dto.EnterpriseTierDto;
import dev.duijie.api.dto.GuaranteeProductDraftDto;
import dev.duijie.api.dto.GuaranteeProductDto;
import dev.duijie.api.dto.GuaranteeProductPageDto;
import dev.duijie.api.dto.OfferStatusChangeDto;
import dev.duijie.offer.GuaranteeProduct;
import dev.duijie.offer.GuaranteeTerms;
import dev.duijie.offer.OfferService;
import dev.duijie.shared.Inputs;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GuaranteeProductsController implements GuaranteeProductsApi {

    private final OfferEndpoints<GuaranteeProduct, GuaranteeTerms, GuaranteeProductDto> endpoints;

    GuaranteeProductsController(OfferService<GuaranteeProduct, GuaranteeTerms> products) {
        this.endpoints = new OfferEndpoints<>(products, "/guarantee-products", GuaranteeProductDtos::toDto);
    }

    @Override
    public ResponseEntity<GuaranteeProductPageDto> listGuaranteeProducts(
            Boolean mine, @Nullable String cursor, Integer limit) {
        return endpoints.list(
                mine,
                cursor,
                limit,
                (items, next) -> new GuaranteeProductPageDto().items(items).nextCursor(next));
    }

    @Override
    public ResponseEntity<GuaranteeProductDto> createGuaranteeProduct(
            GuaranteeProductDraftDto body, @Nullable String idempotencyKey) {
        return endpoints.create(terms(body), idempotencyKey);
    }

    @Override
    public ResponseEntity<GuaranteeProductDto> getGuaranteeProduct(UUID productId) {
        return endpoints.get(productId);
    }

    @Override
    public ResponseEntity<GuaranteeProductDto> updateGuaranteeProduct(
            UUID productId, GuaranteeProductDraftDto body, @Nullable String ifMatch) {
        return endpoints.update(productId, ifMatch, terms(body));
    }

    @Override
    public ResponseEntity<GuaranteeProductDto> changeGuaranteeProductStatus(
            UUID productId, OfferStatusChangeDto body, @Nullable String ifMatch) {
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
                Inputs.items("tiers", body.getTiers()).stream()
                        .map(EnterpriseTierDto::getValue)
                        .toList(),
                body.getCounterGuaranteeRequired());
    }
}
