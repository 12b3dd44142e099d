package dev.duijie.offer.web;

import dev.duijie.api.dto.EnterpriseTierDto;
import dev.duijie.api.dto.GuaranteeProductDto;
import dev.duijie.api.dto.OfferStatusDto;
import dev.duijie.offer.GuaranteeProduct;
import dev.duijie.offer.GuaranteeTerms;
import dev.duijie.offer.OfferState;
import java.time.ZoneOffset;
import org.springframework.modulith.NamedInterface;

/** A guarantee product as the API shows it (also inside match results). */
// other features' web packages show this in their answers (matches, campaign candidates)
@NamedInterface("dtos")
public final class GuaranteeProductDtos {

    private GuaranteeProductDtos() {}

    public static GuaranteeProductDto toDto(GuaranteeProduct product) {
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
