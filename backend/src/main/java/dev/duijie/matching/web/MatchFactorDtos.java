package dev.duijie.matching.web;

import dev.duijie.api.dto.MatchFactorDto;
import dev.duijie.matching.MatchFactor;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** The reasons a match ranks where it does, as the API shows them (matches and campaign candidates). */
// other features' web packages show this in their answers (matches, campaign candidates)
@NamedInterface("dtos")
public final class MatchFactorDtos {

    private MatchFactorDtos() {}

    public static List<MatchFactorDto> of(List<MatchFactor> factors) {
        return factors.stream()
                .map(factor -> new MatchFactorDto()
                        .factor(MatchFactorDto.FactorEnum.fromValue(factor.factor()))
                        .contribution(factor.contribution())
                        .explanation(factor.sentence()))
                .toList();
    }
}
