package dev.duijie.offer.web;

import dev.duijie.api.dto.CollateralTypeDto;
import dev.duijie.api.dto.EnterpriseTierDto;
import dev.duijie.api.dto.LoanProductDto;
import dev.duijie.api.dto.OfferStatusDto;
import dev.duijie.api.dto.PolicyTagDto;
import dev.duijie.offer.LoanProduct;
import dev.duijie.offer.LoanTerms;
import dev.duijie.offer.OfferState;
import java.time.ZoneOffset;
import org.springframework.modulith.NamedInterface;

/** A loan product as the API shows it (also inside match results). */
// other features' web packages show this in their answers (matches, campaign candidates)
@NamedInterface("dtos")
public final class LoanProductDtos {

    private LoanProductDtos() {}

    public static LoanProductDto toDto(LoanProduct product) {
        OfferState state = product.state();
        LoanTerms terms = product.terms();
        return new LoanProductDto()
                .id(state.id())
                .organizationId(state.organizationId())
                .organizationName(state.organizationName())
                .status(OfferStatusDto.valueOf(state.status().name()))
                .version(state.version())
                .createdAt(state.createdAt().atOffset(ZoneOffset.UTC))
                .updatedAt(state.updatedAt().atOffset(ZoneOffset.UTC))
                .name(terms.name())
                .description(terms.description())
                .amountMinFen(terms.amountMinFen())
                .amountMaxFen(terms.amountMaxFen())
                .termMinMonths(terms.termMinMonths())
                .termMaxMonths(terms.termMaxMonths())
                .rateMinBp(terms.rateMinBp())
                .rateMaxBp(terms.rateMaxBp())
                .industries(new java.util.LinkedHashSet<>(terms.industries()))
                .regions(new java.util.LinkedHashSet<>(terms.regions()))
                .tiers(toSet(terms.tiers(), EnterpriseTierDto::fromValue))
                .collateralAccepted(toSet(terms.collateralAccepted(), CollateralTypeDto::fromValue))
                .guaranteeRequired(terms.guaranteeRequired())
                .policyTags(toSet(terms.policyTags(), PolicyTagDto::fromValue));
    }

    static <E> java.util.Set<E> toSet(java.util.List<String> values, java.util.function.Function<String, E> fromValue) {
        return values.stream()
                .map(fromValue)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
