package dev.duijie.bidding;

import dev.duijie.audit.AuditTrail;
import dev.duijie.financing.FinancingRequest;
import dev.duijie.financing.FinancingRequestClosed;
import dev.duijie.financing.FinancingRequestService;
import dev.duijie.offer.GuaranteeProduct;
import dev.duijie.offer.LoanProduct;
import dev.duijie.offer.OfferLookup;
import dev.duijie.offer.OfferStatus;
import dev.duijie.organization.Organization;
import dev.duijie.organization.OrganizationService;
import dev.duijie.organization.OrganizationType;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.Fingerprint;
import dev.duijie.shared.IdempotencyKeys;
import dev.duijie.shared.Page;
import dev.duijie.shared.PageCursor;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bidding on financing requests. A bid is sealed: only the requesting enterprise and the organizations on
 * the bid ever see it; to anyone else it does not exist (404), and no list counts it.
 */
@Service
public class BiddingService {

    private final Bids bids;
    private final RiskFunds riskFunds;
    private final BankResponses bankResponses;
    private final FinancingRequestService requests;
    private final OrganizationService organizations;
    private final OfferLookup offers;
    private final GuaranteeProductCheck guaranteeProductCheck;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditTrail audit;
    private final GuaranteeOffers guaranteeOffers;
    private final Clock clock;

    BiddingService(
            Bids bids,
            RiskFunds riskFunds,
            BankResponses bankResponses,
            FinancingRequestService requests,
            OrganizationService organizations,
            OfferLookup offers,
            GuaranteeProductCheck guaranteeProductCheck,
            IdempotencyKeys idempotencyKeys,
            AuditTrail audit,
            GuaranteeOffers guaranteeOffers,
            Clock clock) {
        this.bids = bids;
        this.riskFunds = riskFunds;
        this.bankResponses = bankResponses;
        this.requests = requests;
        this.organizations = organizations;
        this.offers = offers;
        this.guaranteeProductCheck = guaranteeProductCheck;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
        this.guaranteeOffers = guaranteeOffers;
        this.clock = clock;
    }

    /** A verified bank bids on an open request. */
    @Transactional
    public Bid submit(Caller caller, UUID requestId, BidTerms terms, @Nullable String idempotencyKey) {
        caller.requireAnyRole(Role.BANK);
        Organization bank = organizations.requireVerified(caller, OrganizationType.BANK);
        FinancingRequest request = requests.openToLenders(requestId);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        var earlier =
                idempotencyKeys.claim(caller, "submit-bid:" + requestId, idempotencyKey, Fingerprint.of(terms), id);
        if (earlier.isPresent()) {
            return bids.find(earlier.get()).orElseThrow();
        }
        Checked checked = check(terms, request, bank, now);
        Bids.GuaranteeSnapshot guarantee = checked.guarantee();
        long exposure = checked.exposureFen();
        if (bids.hasLiveBid(requestId, bank.id())) {
            throw new DomainProblem(ProblemType.DUPLICATE, "problem.detail.bid-already-live");
        }
        try {
            bids.insert(id, requestId, bank.id(), terms, guarantee, exposure, now, caller.subject());
        } catch (DuplicateKeyException sameBankMeanwhile) {
            throw new DomainProblem(ProblemType.DUPLICATE, "problem.detail.bid-already-live");
        }
        bankResponses.responded(bank.id(), requestId, published(request), "bid", null, now);
        return changed(caller, "submitted", null, id);
    }

    /**
     * What a verified bank's draft bid on an open request would cost the firm a year, and the limits its risk
     * split is held to: checked exactly as {@link #submit} checks it (the same 400s and 409), and nothing is
     * stored or recorded (no response on the bank's clock, no audit event).
     */
    // not read-only: the request is read under a share lock, as for a bid
    @Transactional
    public Quote quote(Caller caller, UUID requestId, BidTerms terms) {
        caller.requireAnyRole(Role.BANK);
        Organization bank = organizations.requireVerified(caller, OrganizationType.BANK);
        FinancingRequest request = requests.openToLenders(requestId);
        Checked checked = check(terms, request, bank, clock.instant());
        Bids.GuaranteeSnapshot guarantee = checked.guarantee();
        BidCost cost = BidCost.of(
                terms.amountFen(),
                terms.annualRateBp(),
                terms.termMonths(),
                terms.feesFen(),
                guarantee == null ? 0 : guarantee.coverageBp(),
                guarantee == null ? 0 : guarantee.feeRateBp());
        RiskFundPolicy policy = checked.policy();
        return new Quote(
                cost,
                checked.exposureFen(),
                policy,
                policy.fundCapBp(terms.policyBasis()),
                guarantee == null ? null : guarantee.coverageBp(),
                guarantee == null ? null : guarantee.feeRateBp());
    }

    /**
     * A draft bid's price and the limits that apply to it.
     *
     * @param fundCapBp the most the fund may cover on the grounds the bid claims
     * @param guaranteeCoverageBp the guarantee's coverage, null without a guarantee
     * @param guaranteeFeeRateBp the guarantee's fee rate, null without a guarantee
     */
    public record Quote(
            BidCost cost,
            long fundExposureFen,
            RiskFundPolicy policy,
            int fundCapBp,
            @Nullable Integer guaranteeCoverageBp,
            @Nullable Integer guaranteeFeeRateBp) {}

    /** What a bid's checks found: its guarantee terms, the fund's exposure and the policy it was held to. */
    private record Checked(Bids.@Nullable GuaranteeSnapshot guarantee, long exposureFen, RiskFundPolicy policy) {}

    /** Every rule a bid's terms keep, in the order the API reports them; the one place submit and quote share. */
    private Checked check(BidTerms terms, FinancingRequest request, Organization bank, Instant now) {
        BidRules.checkTerms(terms, request.content(), now);
        LoanProduct product = loanProduct(terms, bank);
        BidRules.checkFirstLoanClaim(terms.policyBasis(), product == null ? null : product.terms());
        Bids.GuaranteeSnapshot guarantee = guarantee(terms, request);
        RiskFund fund = riskFunds.current();
        BidRules.checkRiskSplit(terms, request.content(), fund.policy());
        long exposure = terms.riskSplit().fundExposureFen(terms.amountFen());
        BidRules.checkFundCapacity(exposure, fund);
        return new Checked(guarantee, exposure, fund.policy());
    }

    /**
     * A verified bank declines to bid on an open request, saying why if it will; returns its recorded (first)
     * answer, which a later pass does not change.
     *
     * @param reasonCode a {@code PassReason} of the contract, null when the bank gives no reason
     * @param note a word on the reason (required with {@code other}), null for none
     */
    @Transactional
    public BankResponses.Answer pass(
            Caller caller, UUID requestId, @Nullable String reasonCode, @Nullable String note) {
        caller.requireAnyRole(Role.BANK);
        Organization bank = organizations.requireVerified(caller, OrganizationType.BANK);
        FinancingRequest request = requests.openToLenders(requestId);
        Reason reason = BidRules.passReason(reasonCode, note);
        BankResponses.Answer answer =
                bankResponses.responded(bank.id(), requestId, published(request), "passed", reason, clock.instant());
        Map<String, @Nullable Object> recorded = new LinkedHashMap<>();
        recorded.put("bankOrganizationId", bank.id());
        recorded.put("response", answer.response());
        recorded.put("reason", answer.reason() == null ? null : answer.reason().code());
        recorded.put("note", answer.reason() == null ? null : answer.reason().note());
        audit.record(caller, "bank-response.passed", "bank-response", requestId, null, recorded);
        return answer;
    }

    /** The caller bank's own recorded answer to a request; 404 while it has not answered. */
    public BankResponses.Answer myAnswer(Caller caller, UUID requestId) {
        caller.requireAnyRole(Role.BANK);
        return bankResponses
                .answerOf(caller.requireOrganization(), requestId)
                .orElseThrow(() -> new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.bank-response-not-found"));
    }

    public Bid get(Caller caller, UUID bidId) {
        return bids.find(bidId).filter(bid -> visibleTo(caller, bid)).orElseThrow(BiddingService::notFound);
    }

    /** Every bid on the caller's own request. */
    public Page<Bid> onRequest(Caller caller, UUID requestId, @Nullable String cursor, int limit) {
        requireOwnRequest(caller, requestId);
        return Page.of(
                bids.newestFirst(requestId, null, PageCursor.decode(cursor), limit + 1),
                limit,
                bid -> new PageCursor(bid.createdAt(), bid.id()));
    }

    /** The bids the caller's bank or guarantee company is on. */
    public Page<Bid> mine(Caller caller, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.BANK, Role.GUARANTOR);
        UUID organization = caller.requireOrganization();
        return Page.of(
                bids.newestFirst(null, organization, PageCursor.decode(cursor), limit + 1),
                limit,
                bid -> new PageCursor(bid.createdAt(), bid.id()));
    }

    /**
     * The named guarantor confirms its part, or declines it saying why (the bank and the firm read the reason
     * on the bid).
     *
     * @param reasonCode a {@code GuarantorDeclineReason} of the contract: required to decline, refused to confirm
     * @param note a word on the reason (required with {@code other}), only with a reason
     */
    @Transactional
    public Bid decideGuarantee(
            Caller caller, UUID bidId, GuarantorDecision decision, @Nullable String reasonCode, @Nullable String note) {
        caller.requireAnyRole(Role.GUARANTOR);
        Bid bid = bids.find(bidId)
                .filter(b ->
                        b.guarantee() != null && caller.belongsTo(b.guarantee().guarantorOrganizationId()))
                .orElseThrow(BiddingService::notFound);
        organizations.requireVerified(caller, OrganizationType.GUARANTOR);
        Reason reason = BidRules.guarantorReason(decision, reasonCode, note);
        if (!bids.decideGuarantee(bidId, decision, reason, clock.instant())) {
            throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.guarantee-already-decided");
        }
        return changed(caller, "guarantee-" + decision.name().toLowerCase(Locale.ROOT), bid, bidId);
    }

    @Transactional
    public Bid withdraw(Caller caller, UUID bidId) {
        caller.requireAnyRole(Role.BANK);
        Bid bid = bids.find(bidId)
                .filter(b -> caller.belongsTo(b.bankOrganizationId()))
                .orElseThrow(BiddingService::notFound);
        if (!bids.settle(bidId, BidStatus.WITHDRAWN, clock.instant())) {
            throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.bid-not-withdrawable");
        }
        return changed(caller, "withdrawn", bid, bidId);
    }

    /**
     * The requesting enterprise accepts an eligible bid: in this one transaction the request is awarded,
     * every other bid declined and the fund's exposure reserved. The request row is locked first, so of two
     * concurrent accepts (or an accept and a withdrawal) exactly one wins and the other gets 409.
     */
    @Transactional
    public Bid accept(Caller caller, UUID bidId) {
        caller.requireAnyRole(Role.ENTERPRISE);
        Bid seen = bids.find(bidId).filter(bid -> ownsRequestOf(caller, bid)).orElseThrow(BiddingService::notFound);
        FinancingRequest request = requests.lockForAward(caller, seen.financingRequestId());
        // locked too: the bank cannot withdraw it (nor the guarantor change its mind) while we accept
        Bid bid = bids.lock(bidId).orElseThrow();
        Instant now = clock.instant();
        Bid.Ineligibility ineligibility = bid.ineligibility(now);
        if (ineligibility == null && !partiesStillVerified(bid)) {
            ineligibility = Bid.Ineligibility.BIDDER_NOT_VERIFIED;
        }
        if (ineligibility != null) {
            throw BidRules.notEligible(ineligibility);
        }
        RiskFund fund = riskFunds.lock();
        if (!fund.policy().allows(bid.riskSplit(), bid.policyBasis())) {
            throw BidRules.notEligible(Bid.Ineligibility.OUTSIDE_FUND_POLICY);
        }
        BidRules.checkFundCapacity(bid.fundExposureFen(), fund);
        if (!bids.settle(bidId, BidStatus.ACCEPTED, now)) {
            throw new DomainProblem(ProblemType.BID_NOT_ELIGIBLE, "problem.detail.bid-not-eligible", "not_submitted");
        }
        riskFunds.reserve(bid.fundExposureFen(), now);
        audit.record(caller, "risk-fund.reserved", "risk-fund", RiskFund.AUDIT_ID, fund, riskFunds.current());
        Bid accepted = changed(caller, "accepted", bid, bidId);
        // the request's close declines every other bid (see requestClosed)
        requests.award(caller, request, bidId);
        return accepted;
    }

    /**
     * The enterprise accepted a guarantor's offer: bids already naming that guarantor and product end as a
     * bid made after the acceptance would, on the offer's coverage and fee and confirmed, whether they came
     * before the offer or after it. A bid whose guarantor share is above the accepted coverage could not be
     * made now; the accepted terms decline it (the bank may withdraw it and bid again). A guarantor's own
     * earlier decline of a bank's bid stands.
     */
    void bindToAcceptedGuarantee(Caller caller, GuaranteeOffer accepted, Instant now) {
        for (Bid bid : bids.submittedNaming(
                accepted.financingRequestId(), accepted.guarantorOrganizationId(), accepted.guaranteeProductId())) {
            if (bid.guarantee() == null || bid.guarantee().decision() == GuarantorDecision.DECLINED) {
                continue;
            }
            GuarantorDecision decision =
                    BidRules.decisionUnderAcceptedCoverage(bid.riskSplit(), accepted.coverageRatioBp());
            bids.bindGuarantee(bid.id(), accepted.coverageRatioBp(), accepted.annualFeeRateBp(), decision, now);
            changed(caller, "guarantee-bound", bid, bid.id());
        }
    }

    /** A request closed (awarded, withdrawn, expired): its remaining submitted bids are declined, in the same transaction. */
    @EventListener
    void requestClosed(FinancingRequestClosed closed) {
        Instant now = clock.instant();
        for (UUID bidId : bids.submittedOn(closed.requestId())) {
            Bid before = bids.find(bidId).orElseThrow();
            bids.settle(bidId, BidStatus.DECLINED, now);
            changed(closed.closedBy(), "declined", before, bidId);
        }
    }

    /** Each bid on the caller's own request with its annual cost, and the cheapest eligible one. */
    public Comparison compare(Caller caller, UUID requestId) {
        requireOwnRequest(caller, requestId);
        Instant now = clock.instant();
        RiskFundPolicy policy = riskFunds.current().policy();
        List<Comparison.Row> rows = bids.newestFirst(requestId, null, null, 100).stream()
                .filter(bid -> bid.status() != BidStatus.WITHDRAWN)
                .map(bid -> new Comparison.Row(bid, BidCost.of(bid), BidRules.ineligibility(bid, now, policy)))
                .toList();
        UUID cheapest = rows.stream()
                .filter(row -> row.ineligibility() == null)
                .min(Comparator.comparingInt((Comparison.Row row) -> row.cost().effectiveAnnualRateBp())
                        .thenComparingLong(row -> row.cost().totalAnnualCostFen()))
                .map(row -> row.bid().id())
                .orElse(null);
        return new Comparison(rows, cheapest);
    }

    /** The comparison of bids on one request. */
    public record Comparison(List<Row> rows, @Nullable UUID cheapestBidId) {

        public record Row(Bid bid, BidCost cost, Bid.@Nullable Ineligibility ineligibility) {}
    }

    /** The bank's own active loan product the bid names, or null when it names none. */
    private @Nullable LoanProduct loanProduct(BidTerms terms, Organization bank) {
        if (terms.loanProductId() == null) {
            return null;
        }
        return offers.loanProduct(terms.loanProductId())
                .filter(p -> p.state().organizationId().equals(bank.id()))
                .filter(p -> p.state().status() == OfferStatus.ACTIVE)
                .orElseThrow(() -> DomainProblem.invalidField("loanProductId", "field.loan-product"));
    }

    /** The guarantee terms from the named guarantor's active product, checked. */
    private Bids.@Nullable GuaranteeSnapshot guarantee(BidTerms terms, FinancingRequest request) {
        if (terms.guarantorOrganizationId() == null || terms.guaranteeProductId() == null) {
            return null;
        }
        UUID guarantor = terms.guarantorOrganizationId();
        if (!organizations.isVerified(guarantor, OrganizationType.GUARANTOR)) {
            throw DomainProblem.invalidField(
                    "guarantee.guarantorOrganizationId", "field.guarantee.not-a-verified-guarantor");
        }
        GuaranteeProduct product = guaranteeProductCheck.fitting(
                guarantor,
                terms.guaranteeProductId(),
                request,
                terms.amountFen(),
                "guarantee.guaranteeProductId",
                "amountFen");
        // the guarantee the enterprise accepted from this guarantor, for this product, binds it already
        var arranged = guaranteeOffers
                .accepted(request.id())
                .filter(offer -> offer.guarantorOrganizationId().equals(guarantor))
                .filter(offer ->
                        offer.guaranteeProductId().equals(product.state().id()));
        int coverage = arranged.map(GuaranteeOffer::coverageRatioBp)
                .orElse(product.terms().coverageRatioBp());
        int fee = arranged.map(GuaranteeOffer::annualFeeRateBp)
                .orElse(product.terms().annualFeeRateBp());
        BidRules.checkGuarantorShare(terms.riskSplit(), coverage);
        return new Bids.GuaranteeSnapshot(guarantor, product.state().id(), coverage, fee, arranged.isPresent());
    }

    private boolean partiesStillVerified(Bid bid) {
        return organizations.isVerified(bid.bankOrganizationId(), OrganizationType.BANK)
                && (bid.guarantee() == null
                        || organizations.isVerified(
                                bid.guarantee().guarantorOrganizationId(), OrganizationType.GUARANTOR));
    }

    private boolean visibleTo(Caller caller, Bid bid) {
        return bid.hasParty(caller.organizationId()) || ownsRequestOf(caller, bid);
    }

    private boolean ownsRequestOf(Caller caller, Bid bid) {
        return caller.has(Role.ENTERPRISE)
                && requests.ownerOf(bid.financingRequestId())
                        .map(caller::belongsTo)
                        .orElse(false);
    }

    private void requireOwnRequest(Caller caller, UUID requestId) {
        caller.requireAnyRole(Role.ENTERPRISE);
        if (!requests.ownerOf(requestId).map(caller::belongsTo).orElse(false)) {
            throw new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.financing-request-not-found");
        }
    }

    private Bid changed(Caller caller, String action, @Nullable Bid before, UUID id) {
        Bid after = bids.find(id).orElseThrow();
        audit.record(caller, "bid." + action, "bid", id, before, after);
        return after;
    }

    private static DomainProblem notFound() {
        return new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.bid-not-found");
    }

    /** When a request open to lenders was published (every request past draft was). */
    private static Instant published(FinancingRequest request) {
        return Objects.requireNonNull(request.publishedAt(), "a request open to lenders has been published");
    }
}
