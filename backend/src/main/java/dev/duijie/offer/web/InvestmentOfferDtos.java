package dev.duijie.offer.web;

import dev.duijie.api.dto.InvestmentKindDto;
import dev.duijie.api.dto.InvestmentOfferDto;
import dev.duijie.api.dto.InvestmentStageDto;
import dev.duijie.api.dto.OfferStatusDto;
import dev.duijie.offer.InvestmentOffer;
import dev.duijie.offer.InvestmentTerms;
import dev.duijie.offer.OfferState;
import java.time.ZoneOffset;
import org.springframework.modulith.NamedInterface;

/** An investment offer as the API shows it (also inside match results). */
// other features' web packages show this in their answers (matches, campaign candidates)
@NamedInterface("dtos")
public final class InvestmentOfferDtos {

    private InvestmentOfferDtos() {}

    public static InvestmentOfferDto toDto(InvestmentOffer offer) {
        OfferState state = offer.state();
        InvestmentTerms terms = offer.terms();
        return new InvestmentOfferDto()
                .id(state.id())
                .organizationId(state.organizationId())
                .organizationName(state.organizationName())
                .status(OfferStatusDto.valueOf(state.status().name()))
                .version(state.version())
                .createdAt(state.createdAt().atOffset(ZoneOffset.UTC))
                .updatedAt(state.updatedAt().atOffset(ZoneOffset.UTC))
                .name(terms.name())
                .description(terms.description())
                .kind(InvestmentKindDto.fromValue(terms.kind()))
                .ticketMinFen(terms.ticketMinFen())
                .ticketMaxFen(terms.ticketMaxFen())
                .industries(new java.util.LinkedHashSet<>(terms.industries()))
                .stages(LoanProductDtos.toSet(terms.stages(), InvestmentStageDto::fromValue))
                .hometownTie(terms.hometownTie());
    }
}
