package dev.duijie.financing.web;

import dev.duijie.api.dto.CollateralTypeDto;
import dev.duijie.api.dto.FinancingRequestDto;
import dev.duijie.api.dto.FinancingRequestStatusDto;
import dev.duijie.financing.FinancingRequest;
import dev.duijie.financing.RequestContent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** A financing request as the API shows it (also inside match results). */
// other features' web packages show this in their answers (matches, campaign candidates)
@NamedInterface("dtos")
public final class FinancingRequestDtos {

    private FinancingRequestDtos() {}

    public static FinancingRequestDto toDto(FinancingRequest request) {
        RequestContent content = request.content();
        return new FinancingRequestDto()
                .id(request.id())
                .organizationId(request.organizationId())
                .organizationName(request.organizationName())
                .status(FinancingRequestStatusDto.valueOf(request.status().name()))
                .title(content.title())
                .purpose(content.purpose())
                .description(content.description())
                .amountFen(content.amountFen())
                .termMonths(content.termMonths())
                .industry(content.industry())
                .region(content.region())
                .collateralOffered(content.collateralOffered().stream()
                        .map(CollateralTypeDto::fromValue)
                        .toList())
                .guaranteeWanted(content.guaranteeWanted())
                .maxAnnualRateBp(content.maxAnnualRateBp())
                .bidDeadline(utc(request.bidDeadline()))
                .publishedAt(utc(request.publishedAt()))
                .awardedBidId(request.awardedBidId())
                .version(request.version())
                .createdAt(utc(request.createdAt()))
                .updatedAt(utc(request.updatedAt()));
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
