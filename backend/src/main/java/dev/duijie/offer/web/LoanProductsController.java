package dev.duijie.offer.web;

import dev.duijie.api.LoanProductsApi;
import dev.duijie.api.dto.CollateralTypeDto;
import dev.duijie.api.dto.EnterpriseTierDto;
import dev.duijie.api.dto.LoanProductDraftDto;
import dev.duijie.api.dto.LoanProductDto;
import dev.duijie.api.dto.LoanProductPageDto;
import dev.duijie.api.dto.OfferStatusChangeDto;
import dev.duijie.api.dto.PolicyTagDto;
import dev.duijie.offer.LoanProduct;
import dev.duijie.offer.LoanTerms;
import dev.duijie.offer.OfferService;
import dev.duijie.shared.Inputs;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoanProductsController implements LoanProductsApi {

    private final OfferEndpoints<LoanProduct, LoanTerms, LoanProductDto> endpoints;

    LoanProductsController(OfferService<LoanProduct, LoanTerms> products) {
        this.endpoints = new OfferEndpoints<>(products, "/loan-products", LoanProductDtos::toDto);
    }

    @Override
    public ResponseEntity<LoanProductPageDto> listLoanProducts(Boolean mine, @Nullable String cursor, Integer limit) {
        return endpoints.list(
                mine,
                cursor,
                limit,
                (items, next) -> new LoanProductPageDto().items(items).nextCursor(next));
    }

    @Override
    public ResponseEntity<LoanProductDto> createLoanProduct(LoanProductDraftDto body, @Nullable String idempotencyKey) {
        return endpoints.create(terms(body), idempotencyKey);
    }

    @Override
    public ResponseEntity<LoanProductDto> getLoanProduct(UUID productId) {
        return endpoints.get(productId);
    }

    @Override
    public ResponseEntity<LoanProductDto> updateLoanProduct(
            UUID productId, LoanProductDraftDto body, @Nullable String ifMatch) {
        return endpoints.update(productId, ifMatch, terms(body));
    }

    @Override
    public ResponseEntity<LoanProductDto> changeLoanProductStatus(
            UUID productId, OfferStatusChangeDto body, @Nullable String ifMatch) {
        return endpoints.changeStatus(productId, ifMatch, body);
    }

    private static LoanTerms terms(LoanProductDraftDto body) {
        return new LoanTerms(
                Inputs.text("name", body.getName(), 2),
                Inputs.optionalText(body.getDescription()),
                body.getAmountMinFen(),
                body.getAmountMaxFen(),
                body.getTermMinMonths(),
                body.getTermMaxMonths(),
                body.getRateMinBp(),
                body.getRateMaxBp(),
                Inputs.items("industries", body.getIndustries()),
                Inputs.items("regions", body.getRegions()),
                Inputs.items("tiers", body.getTiers()).stream()
                        .map(EnterpriseTierDto::getValue)
                        .toList(),
                Inputs.items("collateralAccepted", body.getCollateralAccepted()).stream()
                        .map(CollateralTypeDto::getValue)
                        .toList(),
                body.getGuaranteeRequired(),
                Inputs.items("policyTags", body.getPolicyTags()).stream()
                        .map(PolicyTagDto::getValue)
                        .toList());
    }
}
