package dev.duijie.bidding.web;

import dev.duijie.api.BidsApi;
import dev.duijie.api.dto.BankResponseDto;
import dev.duijie.api.dto.BidComparisonDto;
import dev.duijie.api.dto.BidCostDto;
import dev.duijie.api.dto.BidDraftDto;
import dev.duijie.api.dto.BidDto;
import dev.duijie.api.dto.BidPageDto;
import dev.duijie.api.dto.BidQuoteDto;
import dev.duijie.api.dto.BidStatusDto;
import dev.duijie.api.dto.GuarantorDecisionDto;
import dev.duijie.api.dto.GuarantorDecisionValueDto;
import dev.duijie.api.dto.GuarantorDeclineReasonDto;
import dev.duijie.api.dto.PassDto;
import dev.duijie.api.dto.PassReasonDto;
import dev.duijie.api.dto.PolicyBasisDto;
import dev.duijie.api.dto.RequestAnswersDto;
import dev.duijie.api.dto.RequestAnswersPageDto;
import dev.duijie.api.dto.RiskSplitDto;
import dev.duijie.bidding.AnswersOnRequests;
import dev.duijie.bidding.BankResponses;
import dev.duijie.bidding.Bid;
import dev.duijie.bidding.BidTerms;
import dev.duijie.bidding.BiddingService;
import dev.duijie.bidding.GuarantorDecision;
import dev.duijie.bidding.Reason;
import dev.duijie.bidding.RiskSplit;
import dev.duijie.financing.web.FinancingRequestDtos;
import dev.duijie.security.Callers;
import dev.duijie.shared.Inputs;
import dev.duijie.shared.Page;
import dev.duijie.shared.Versions;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BidsController implements BidsApi {

    private final BiddingService bidding;
    private final AnswersOnRequests answers;

    BidsController(BiddingService bidding, AnswersOnRequests answers) {
        this.bidding = bidding;
        this.answers = answers;
    }

    @Override
    public ResponseEntity<BidDto> submitBid(UUID requestId, BidDraftDto body, @Nullable String idempotencyKey) {
        Bid bid = bidding.submit(Callers.current(), requestId, terms(body), idempotencyKey);
        return ResponseEntity.created(URI.create("/bids/" + bid.id()))
                .eTag(Versions.etag(bid.version()))
                .body(toDto(bid));
    }

    @Override
    public ResponseEntity<BidQuoteDto> quoteBid(UUID requestId, BidDraftDto body) {
        BiddingService.Quote quote = bidding.quote(Callers.current(), requestId, terms(body));
        return ResponseEntity.ok(new BidQuoteDto()
                .annualInterestFen(quote.cost().annualInterestFen())
                .annualGuaranteeFeeFen(quote.cost().annualGuaranteeFeeFen())
                .annualOtherFeesFen(quote.cost().annualOtherFeesFen())
                .totalAnnualCostFen(quote.cost().totalAnnualCostFen())
                .effectiveAnnualRateBp(quote.cost().effectiveAnnualRateBp())
                .fundExposureFen(quote.fundExposureFen())
                .fundCapBp(quote.fundCapBp())
                .maxFundShareBp(quote.policy().maxFundShareBp())
                .firstLoanBonusBp(quote.policy().firstLoanBonusBp())
                .ipPledgeBonusBp(quote.policy().ipPledgeBonusBp())
                .minBankShareBp(quote.policy().minBankShareBp())
                .guaranteeCoverageBp(quote.guaranteeCoverageBp())
                .guaranteeFeeRateBp(quote.guaranteeFeeRateBp()));
    }

    @Override
    public ResponseEntity<BidPageDto> listBidsOnRequest(UUID requestId, @Nullable String cursor, Integer limit) {
        return ResponseEntity.ok(toPageDto(bidding.onRequest(Callers.current(), requestId, cursor, limit)));
    }

    @Override
    public ResponseEntity<BidPageDto> listMyBids(@Nullable String cursor, Integer limit) {
        return ResponseEntity.ok(toPageDto(bidding.mine(Callers.current(), cursor, limit)));
    }

    @Override
    public ResponseEntity<BidDto> getBid(UUID bidId) {
        return withEtag(bidding.get(Callers.current(), bidId));
    }

    @Override
    public ResponseEntity<BidDto> decideGuarantee(UUID bidId, GuarantorDecisionDto body) {
        return withEtag(bidding.decideGuarantee(
                Callers.current(),
                bidId,
                GuarantorDecision.valueOf(body.getDecision().name()),
                body.getReason() == null ? null : body.getReason().getValue(),
                Inputs.optionalText(body.getNote())));
    }

    @Override
    public ResponseEntity<BidDto> withdrawBid(UUID bidId) {
        return withEtag(bidding.withdraw(Callers.current(), bidId));
    }

    @Override
    public ResponseEntity<BidDto> acceptBid(UUID bidId) {
        return withEtag(bidding.accept(Callers.current(), bidId));
    }

    @Override
    public ResponseEntity<BankResponseDto> passOnRequest(UUID requestId, @Nullable PassDto body) {
        var answer = bidding.pass(
                Callers.current(),
                requestId,
                body == null ? null : body.getReason().getValue(),
                body == null ? null : Inputs.optionalText(body.getNote()));
        return ResponseEntity.ok(toDto(requestId, answer));
    }

    @Override
    public ResponseEntity<BankResponseDto> getMyBankResponse(UUID requestId) {
        return ResponseEntity.ok(toDto(requestId, bidding.myAnswer(Callers.current(), requestId)));
    }

    private static BankResponseDto toDto(UUID requestId, BankResponses.Answer answer) {
        Reason reason = answer.reason();
        return new BankResponseDto()
                .financingRequestId(requestId)
                .response(BankResponseDto.ResponseEnum.fromValue(answer.response()))
                .respondedAt(answer.respondedAt().atOffset(ZoneOffset.UTC))
                .reason(reason == null ? null : PassReasonDto.fromValue(reason.code()))
                .note(reason == null ? null : reason.note());
    }

    @Override
    public ResponseEntity<BidComparisonDto> compareBids(UUID requestId) {
        BiddingService.Comparison comparison = bidding.compare(Callers.current(), requestId);
        return ResponseEntity.ok(new BidComparisonDto()
                .items(comparison.rows().stream()
                        .map(row -> new BidCostDto()
                                .bid(toDto(row.bid()))
                                .eligible(row.ineligibility() == null)
                                .ineligibleBecause(
                                        row.ineligibility() == null
                                                ? null
                                                : BidCostDto.IneligibleBecauseEnum.valueOf(
                                                        row.ineligibility().name()))
                                .annualInterestFen(row.cost().annualInterestFen())
                                .annualGuaranteeFeeFen(row.cost().annualGuaranteeFeeFen())
                                .annualOtherFeesFen(row.cost().annualOtherFeesFen())
                                .totalAnnualCostFen(row.cost().totalAnnualCostFen())
                                .effectiveAnnualRateBp(row.cost().effectiveAnnualRateBp())
                                .cheapest(row.bid().id().equals(comparison.cheapestBidId())))
                        .toList())
                .cheapestBidId(comparison.cheapestBidId()));
    }

    @Override
    public ResponseEntity<RequestAnswersPageDto> listAnswersOnMyRequests(@Nullable String cursor, Integer limit) {
        Page<AnswersOnRequests.Answers> page = answers.onMyOpenRequests(Callers.current(), cursor, limit);
        return ResponseEntity.ok(new RequestAnswersPageDto()
                .items(page.items().stream()
                        .map(on -> new RequestAnswersDto()
                                .financingRequest(FinancingRequestDtos.toDto(on.request()))
                                .bids(on.bids())
                                .acceptableBids(on.acceptableBids())
                                .guaranteeOffers(on.guaranteeOffers())
                                .interests(on.interests()))
                        .toList())
                .nextCursor(page.nextCursor()));
    }

    private static BidTerms terms(BidDraftDto body) {
        RiskSplitDto split = body.getRiskSplit();
        return new BidTerms(
                body.getAmountFen(),
                body.getAnnualRateBp(),
                body.getTermMonths(),
                body.getFeesFen(),
                Inputs.optionalText(body.getConditions()),
                body.getValidUntil().toInstant(),
                body.getLoanProductId(),
                body.getGuarantee() == null ? null : body.getGuarantee().getGuarantorOrganizationId(),
                body.getGuarantee() == null ? null : body.getGuarantee().getGuaranteeProductId(),
                new RiskSplit(split.getBankShareBp(), split.getGuarantorShareBp(), split.getFundShareBp()),
                Inputs.items("policyBasis", body.getPolicyBasis()).stream()
                        .map(PolicyBasisDto::getValue)
                        .toList());
    }

    private static ResponseEntity<BidDto> withEtag(Bid bid) {
        return ResponseEntity.ok().eTag(Versions.etag(bid.version())).body(toDto(bid));
    }

    private static BidPageDto toPageDto(Page<Bid> page) {
        return new BidPageDto()
                .items(page.items().stream().map(BidsController::toDto).toList())
                .nextCursor(page.nextCursor());
    }

    private static BidDto toDto(Bid bid) {
        BidDto dto = new BidDto()
                .id(bid.id())
                .financingRequestId(bid.financingRequestId())
                .bankOrganizationId(bid.bankOrganizationId())
                .bankName(bid.bankName())
                .status(BidStatusDto.valueOf(bid.status().name()))
                .amountFen(bid.amountFen())
                .annualRateBp(bid.annualRateBp())
                .termMonths(bid.termMonths())
                .feesFen(bid.feesFen())
                .conditions(bid.conditions())
                .validUntil(bid.validUntil().atOffset(ZoneOffset.UTC))
                .loanProductId(bid.loanProductId())
                .riskSplit(new RiskSplitDto()
                        .bankShareBp(bid.riskSplit().bankShareBp())
                        .guarantorShareBp(bid.riskSplit().guarantorShareBp())
                        .fundShareBp(bid.riskSplit().fundShareBp()))
                .policyBasis(bid.policyBasis().stream()
                        .map(PolicyBasisDto::fromValue)
                        .toList())
                .fundExposureFen(bid.fundExposureFen())
                .version(bid.version())
                .createdAt(bid.createdAt().atOffset(ZoneOffset.UTC))
                .updatedAt(bid.updatedAt().atOffset(ZoneOffset.UTC));
        if (bid.guarantee() != null) {
            dto.guarantorOrganizationId(bid.guarantee().guarantorOrganizationId())
                    .guarantorName(bid.guarantee().guarantorName())
                    .guaranteeProductId(bid.guarantee().guaranteeProductId())
                    .guaranteeCoverageBp(bid.guarantee().coverageBp())
                    .guaranteeFeeRateBp(bid.guarantee().feeRateBp())
                    .guarantorDecision(GuarantorDecisionValueDto.valueOf(
                            bid.guarantee().decision().name()));
            Reason declined = bid.guarantee().declineReason();
            if (declined != null) {
                dto.guarantorDeclineReason(GuarantorDeclineReasonDto.fromValue(declined.code()))
                        .guarantorDeclineNote(declined.note());
            }
        }
        return dto;
    }
}
