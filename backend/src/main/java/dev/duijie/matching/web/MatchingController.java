package dev.duijie.matching.web;

import dev.duijie.api.MatchingApi;
import dev.duijie.api.dto.GuaranteeProductMatchDto;
import dev.duijie.api.dto.GuaranteeProductMatchListDto;
import dev.duijie.api.dto.InvestmentOfferMatchDto;
import dev.duijie.api.dto.InvestmentOfferMatchListDto;
import dev.duijie.api.dto.LoanProductMatchDto;
import dev.duijie.api.dto.LoanProductMatchListDto;
import dev.duijie.api.dto.MatchFactorDto;
import dev.duijie.api.dto.RequestMatchDto;
import dev.duijie.api.dto.RequestMatchListDto;
import dev.duijie.api.dto.TalentNeedMatchDto;
import dev.duijie.api.dto.TalentNeedMatchListDto;
import dev.duijie.api.dto.TalentProfileMatchDto;
import dev.duijie.api.dto.TalentProfileMatchListDto;
import dev.duijie.financing.web.FinancingRequestDtos;
import dev.duijie.matching.MatchFactor;
import dev.duijie.matching.OffersForRequest;
import dev.duijie.matching.RequestMatch;
import dev.duijie.matching.RequestsForOffer;
import dev.duijie.matching.TalentMatching;
import dev.duijie.offer.web.GuaranteeProductDtos;
import dev.duijie.offer.web.InvestmentOfferDtos;
import dev.duijie.offer.web.LoanProductDtos;
import dev.duijie.security.Callers;
import dev.duijie.talent.web.TalentDtos;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MatchingController implements MatchingApi {

    private final OffersForRequest matching;
    private final RequestsForOffer inbox;
    private final TalentMatching talent;

    MatchingController(OffersForRequest matching, RequestsForOffer inbox, TalentMatching talent) {
        this.matching = matching;
        this.inbox = inbox;
        this.talent = talent;
    }

    @Override
    public ResponseEntity<TalentProfileMatchListDto> matchTalentProfiles(UUID needId, Integer limit) {
        return ResponseEntity.ok(new TalentProfileMatchListDto()
                .items(talent.profilesForNeed(Callers.current(), needId, limit).stream()
                        .map(match -> new TalentProfileMatchDto()
                                .profile(TalentDtos.profile(match.profile()))
                                .score(match.score())
                                .why(why(match.why()))
                                .missingSkills(new LinkedHashSet<>(match.missingSkills())))
                        .toList()));
    }

    @Override
    public ResponseEntity<TalentNeedMatchListDto> matchTalentNeeds(Integer limit) {
        return ResponseEntity.ok(new TalentNeedMatchListDto()
                .items(talent.needsForMe(Callers.current(), limit).stream()
                        .map(match -> new TalentNeedMatchDto()
                                .need(TalentDtos.need(match.need()))
                                .score(match.score())
                                .why(why(match.why()))
                                .missingSkills(new LinkedHashSet<>(match.missingSkills())))
                        .toList()));
    }

    @Override
    public ResponseEntity<LoanProductMatchListDto> matchLoanProducts(UUID requestId, Integer limit) {
        return ResponseEntity.ok(new LoanProductMatchListDto()
                .items(matching.loanProducts(Callers.current(), requestId, limit).stream()
                        .map(match -> new LoanProductMatchDto()
                                .loanProduct(LoanProductDtos.toDto(match.offer()))
                                .score(match.score())
                                .why(why(match.why())))
                        .toList()));
    }

    @Override
    public ResponseEntity<GuaranteeProductMatchListDto> matchGuaranteeProducts(UUID requestId, Integer limit) {
        return ResponseEntity.ok(new GuaranteeProductMatchListDto()
                .items(matching.guaranteeProducts(Callers.current(), requestId, limit).stream()
                        .map(match -> new GuaranteeProductMatchDto()
                                .guaranteeProduct(GuaranteeProductDtos.toDto(match.offer()))
                                .score(match.score())
                                .why(why(match.why())))
                        .toList()));
    }

    @Override
    public ResponseEntity<InvestmentOfferMatchListDto> matchInvestmentOffers(UUID requestId, Integer limit) {
        return ResponseEntity.ok(new InvestmentOfferMatchListDto()
                .items(matching.investmentOffers(Callers.current(), requestId, limit).stream()
                        .map(match -> new InvestmentOfferMatchDto()
                                .investmentOffer(InvestmentOfferDtos.toDto(match.offer()))
                                .score(match.score())
                                .why(why(match.why())))
                        .toList()));
    }

    @Override
    public ResponseEntity<RequestMatchListDto> matchOpenRequests(UUID productId, Integer limit) {
        return ResponseEntity.ok(requestMatches(inbox.openRequests(Callers.current(), productId, limit)));
    }

    @Override
    public ResponseEntity<RequestMatchListDto> matchOpenRequestsForGuarantee(UUID productId, Integer limit) {
        return ResponseEntity.ok(requestMatches(inbox.openRequestsForGuarantee(Callers.current(), productId, limit)));
    }

    @Override
    public ResponseEntity<RequestMatchListDto> matchOpenRequestsForInvestment(UUID productId, Integer limit) {
        return ResponseEntity.ok(requestMatches(inbox.openRequestsForInvestment(Callers.current(), productId, limit)));
    }

    private static RequestMatchListDto requestMatches(List<RequestMatch> matches) {
        return new RequestMatchListDto()
                .items(matches.stream()
                        .map(match -> new RequestMatchDto()
                                .financingRequest(FinancingRequestDtos.toDto(match.request()))
                                .score(match.score())
                                .why(why(match.why())))
                        .toList());
    }

    private static List<MatchFactorDto> why(List<MatchFactor> factors) {
        return MatchFactorDtos.of(factors);
    }
}
