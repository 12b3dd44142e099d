package dev.duijie.bidding;

import dev.duijie.financing.RequestContent;
import dev.duijie.offer.GuaranteeTerms;
import dev.duijie.offer.LoanTerms;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The rules a bid keeps, on plain values: its terms against the request, its risk split against the fund's
 * policy, the guarantor's share against the guarantee's coverage, the fund's capacity, and what keeps a stored
 * bid from being accepted; the terms of a guarantor's own offer; and the reasons a bank gives for passing and a
 * guarantor for declining. Each refusal is the problem the API answers
 * (a 400 naming the field, or a 409). {@link BiddingService} and {@link GuaranteeOfferService} read what the
 * rules need and store what they let through.
 */
final class BidRules {

    /** The longest a bid or a guarantor's offer stays open. */
    static final Duration LONGEST_VALIDITY = Duration.ofDays(180);
    /** Bank, guarantor and fund shares make the whole loan. */
    static final int WHOLE_BP = 10_000;

    private BidRules() {}

    /** The amount at most the request's, fees at most the amount, the rate at most the firm's maximum, valid for a while. */
    static void checkTerms(BidTerms terms, RequestContent request, Instant now) {
        if (terms.amountFen() > request.amountFen()) {
            throw DomainProblem.invalidField(
                    "amountFen", "field.bid.amount-above-request", Quantity.fen(request.amountFen()));
        }
        if (terms.feesFen() > terms.amountFen()) {
            throw DomainProblem.invalidField("feesFen", "field.bid.fees-above-amount");
        }
        if (terms.annualRateBp() > request.maxAnnualRateBp()) {
            throw DomainProblem.invalidField(
                    "annualRateBp", "field.bid.rate-above-max", Quantity.basisPoints(request.maxAnnualRateBp()));
        }
        checkValidUntil(terms.validUntil(), now);
    }

    /** After now and at most {@link #LONGEST_VALIDITY} ahead. */
    static void checkValidUntil(Instant validUntil, Instant now) {
        if (!validUntil.isAfter(now) || validUntil.isAfter(now.plus(LONGEST_VALIDITY))) {
            throw DomainProblem.invalidField("validUntil", "field.bid.valid-until-range");
        }
    }

    /**
     * The fund's first-loan bonus is claimed under a product the bank runs for first loans.
     *
     * @param product the terms of the loan product the bid names, null when it names none
     */
    static void checkFirstLoanClaim(List<String> policyBasis, @Nullable LoanTerms product) {
        if (policyBasis.contains("first_loan")
                && (product == null || !product.policyTags().contains("first_loan"))) {
            throw DomainProblem.invalidField("policyBasis", "field.policy-basis.first-loan-product");
        }
    }

    /**
     * The split sums to the whole loan, puts a share on the guarantor exactly when one is named, leaves the bank
     * at least the policy's minimum, claims the IP-pledge bonus only for a request pledging intellectual
     * property, and keeps the fund within its cap on the bid's grounds.
     */
    static void checkRiskSplit(BidTerms terms, RequestContent request, RiskFundPolicy policy) {
        RiskSplit split = terms.riskSplit();
        if (split.total() != WHOLE_BP) {
            throw DomainProblem.invalidField("riskSplit", "field.risk-split.sum", Quantity.basisPoints(split.total()));
        }
        boolean withGuarantor = terms.guarantorOrganizationId() != null;
        if (!withGuarantor && split.guarantorShareBp() > 0) {
            throw DomainProblem.invalidField(
                    "riskSplit.guarantorShareBp", "field.risk-split.guarantor-without-guarantee");
        }
        if (withGuarantor && split.guarantorShareBp() == 0) {
            throw DomainProblem.invalidField("riskSplit.guarantorShareBp", "field.risk-split.guarantor-share-needed");
        }
        if (split.bankShareBp() < policy.minBankShareBp()) {
            throw DomainProblem.invalidField(
                    "riskSplit.bankShareBp",
                    "field.risk-split.bank-min",
                    Quantity.basisPoints(policy.minBankShareBp()));
        }
        if (terms.policyBasis().contains("ip_pledge")
                && !request.collateralOffered().contains("intellectual_property")) {
            throw DomainProblem.invalidField("policyBasis", "field.policy-basis.ip-without-collateral");
        }
        int fundCap = policy.fundCapBp(terms.policyBasis());
        if (split.fundShareBp() > fundCap) {
            throw DomainProblem.invalidField(
                    "riskSplit.fundShareBp", "field.risk-split.fund-max", Quantity.basisPoints(fundCap));
        }
    }

    /** The guarantor cannot bear more of the loss than its guarantee covers. */
    static void checkGuarantorShare(RiskSplit split, int coverageBp) {
        if (!guarantorBearsAtMostItsCoverage(split, coverageBp)) {
            throw DomainProblem.invalidField(
                    "riskSplit.guarantorShareBp", "field.risk-split.above-coverage", Quantity.basisPoints(coverageBp));
        }
    }

    /**
     * The guarantor's answer an accepted guarantee offer gives a bank's bid naming it: confirmed when the bid's
     * guarantor share fits the accepted coverage, declined when it asks for more.
     */
    static GuarantorDecision decisionUnderAcceptedCoverage(RiskSplit split, int acceptedCoverageBp) {
        return guarantorBearsAtMostItsCoverage(split, acceptedCoverageBp)
                ? GuarantorDecision.CONFIRMED
                : GuarantorDecision.DECLINED;
    }

    private static boolean guarantorBearsAtMostItsCoverage(RiskSplit split, int coverageBp) {
        return split.guarantorShareBp() <= coverageBp;
    }

    /**
     * The fund's exposure must fit what it has left (409). The figure left is not told: it moves with awards,
     * which are other banks' business.
     */
    static void checkFundCapacity(long exposureFen, RiskFund fund) {
        if (exposureFen > fund.availableFen()) {
            throw new DomainProblem(
                    ProblemType.FUND_CAPACITY_EXCEEDED,
                    "problem.detail.fund-capacity-exceeded",
                    Quantity.fen(exposureFen));
        }
    }

    /** Why a stored bid cannot be accepted now: its own state first, then the fund's current policy; null when it can. */
    static Bid.@Nullable Ineligibility ineligibility(Bid bid, Instant now, RiskFundPolicy policy) {
        Bid.Ineligibility own = bid.ineligibility(now);
        if (own == null && !policy.allows(bid.riskSplit(), bid.policyBasis())) {
            return Bid.Ineligibility.OUTSIDE_FUND_POLICY;
        }
        return own;
    }

    /** The 409 for accepting a bid that cannot be accepted, naming why. */
    static DomainProblem notEligible(Bid.Ineligibility why) {
        return new DomainProblem(
                ProblemType.BID_NOT_ELIGIBLE,
                "problem.detail.bid-not-eligible",
                why.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The reason a bank gives for passing, or null when it gives none (no body): a note only with a reason, and
     * the reason {@code other} only with a note.
     */
    static @Nullable Reason passReason(@Nullable String code, @Nullable String note) {
        if (code == null) {
            if (note != null) {
                throw DomainProblem.invalidField("note", "field.reason.note-without-reason");
            }
            return null;
        }
        return reason(code, note);
    }

    /**
     * The guarantor's reason for its decision: required when it declines, refused when it confirms (the reason
     * and a note alike); the reason {@code other} only with a note. Null for a confirmation.
     */
    static @Nullable Reason guarantorReason(GuarantorDecision decision, @Nullable String code, @Nullable String note) {
        if (decision != GuarantorDecision.DECLINED) {
            if (code != null) {
                throw DomainProblem.invalidField("reason", "field.guarantor-reason.only-when-declining");
            }
            if (note != null) {
                throw DomainProblem.invalidField("note", "field.guarantor-reason.only-when-declining");
            }
            return null;
        }
        if (code == null) {
            throw DomainProblem.invalidField("reason", "field.guarantor-reason.required");
        }
        return reason(code, note);
    }

    private static Reason reason(String code, @Nullable String note) {
        if (code.equals("other") && note == null) {
            throw DomainProblem.invalidField("note", "field.reason.note-for-other");
        }
        return new Reason(code, note);
    }

    /**
     * A guarantor's own offer, once its product fits the request: the product serves the firm's tier, the
     * offer covers no more than the product does, and it is valid for a while.
     *
     * @param firmTier the requesting firm's size tier, null when not set
     */
    static void checkGuaranteeOffer(
            GuaranteeOffer.Terms offer, GuaranteeTerms product, @Nullable String firmTier, Instant now) {
        if (!product.tiers().isEmpty() && !product.tiers().contains(firmTier)) {
            throw DomainProblem.invalidField("guaranteeProductId", "field.guarantee.product-tier");
        }
        if (offer.coverageRatioBp() > product.coverageRatioBp()) {
            throw DomainProblem.invalidField(
                    "coverageRatioBp",
                    "field.guarantee-offer.coverage-above-product",
                    Quantity.basisPoints(product.coverageRatioBp()));
        }
        checkValidUntil(offer.validUntil(), now);
    }
}
