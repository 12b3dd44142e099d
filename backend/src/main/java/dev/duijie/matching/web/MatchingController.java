package dev.duijie.matching.web;

import dev.duijie.api.MatchingApi;
import dev.duijie.api.dto.LoanProductMatchDto;
import dev.duijie.api.dto.LoanProductMatchListDto;
import dev.duijie.api.dto.MatchFactorDto;
import dev.duijie.matching.RequestMatching;
import dev.duijie.offer.web.LoanProductDtos;
import dev.duijie.security.Callers;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MatchingController implements MatchingApi {

    private final RequestMatching matching;

    MatchingController(RequestMatching matching) {
        this.matching = matching;
    }

    @Override
    public ResponseEntity<LoanProductMatchListDto> matchLoanProducts(UUID requestId, Integer limit) {
        return ResponseEntity.ok(new LoanProductMatchListDto().items(matching.loanProducts(Callers.current(), requestId, limit)
                .stream()
                .map(match -> new LoanProductMatchDto()
                        .loanProduct(LoanProductDtos.toDto(match.product()))
                        .score(match.score())
                        .why(match.why().stream()
                                .map(factor -> new MatchFactorDto()
                                        .factor(MatchFactorDto.FactorEnum.fromValue(factor.factor()))
                                        .contribution(factor.contribution())
                                        .explanation(factor.sentence()))
                                .toList()))
                .toList()));
    }
}
