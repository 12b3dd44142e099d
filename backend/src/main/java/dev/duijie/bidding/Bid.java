package dev.duijie.bidding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A bid as stored. */
public record Bid(
        UUID id,
        UUID financingRequestId,
        UUID bankOrganizationId,
        String bankName,
        BidStatus status,
        long amountFen,
        int annualRateBp,
        int termMonths,
        long feesFen,
        @Nullable String conditions,
        Instant validUntil,
        @Nullable UUID loanProductId,
        @Nullable Guarantee guarantee,
        RiskSplit riskSplit,
        List<String> policyBasis,
        long fundExposureFen,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** Why it cannot be accepted now, or null when it can. */
    public @Nullable Ineligibility ineligibility(Instant now) {
        if (status != BidStatus.SUBMITTED) {
            return Ineligibility.NOT_SUBMITTED;
        }
        if (guarantee != null && guarantee.decision() == GuarantorDecision.PENDING) {
            return Ineligibility.AWAITING_GUARANTOR;
        }
        if (guarantee != null && guarantee.decision() == GuarantorDecision.DECLINED) {
            return Ineligibility.GUARANTOR_DECLINED;
        }
        if (!validUntil.isAfter(now)) {
            return Ineligibility.OFFER_EXPIRED;
        }
        return null;
    }

    /** Whether an organization is on this bid (the bank or the guarantor). */
    public boolean hasParty(@Nullable UUID organizationId) {
        return organizationId != null
                && (organizationId.equals(bankOrganizationId)
                        || (guarantee != null && organizationId.equals(guarantee.guarantorOrganizationId())));
    }

    public enum Ineligibility {
        AWAITING_GUARANTOR,
        GUARANTOR_DECLINED,
        OFFER_EXPIRED,
        NOT_SUBMITTED,
        BIDDER_NOT_VERIFIED,
        /** The fund's policy tightened after the bid was made, and its split no longer keeps it. */
        OUTSIDE_FUND_POLICY
    }
}
