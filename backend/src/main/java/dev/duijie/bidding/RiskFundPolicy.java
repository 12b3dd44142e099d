package dev.duijie.bidding;

import java.util.List;

/**
 * The rules a bid's risk split must keep: the fund covers at most {@code maxFundShareBp} (plus a bonus for a
 * first loan or an IP-pledge loan) and the bank keeps at least {@code minBankShareBp}.
 */
public record RiskFundPolicy(
        int maxFundShareBp, int minBankShareBp, int firstLoanBonusBp, int ipPledgeBonusBp, long capacityFen) {

    /** The most of a loan the fund may cover for a bid on these grounds ({@code first_loan}, {@code ip_pledge}). */
    public int fundCapBp(List<String> policyBasis) {
        int cap = maxFundShareBp;
        if (policyBasis.contains("first_loan")) {
            cap += firstLoanBonusBp;
        }
        if (policyBasis.contains("ip_pledge")) {
            cap += ipPledgeBonusBp;
        }
        return cap;
    }

    /** Whether a split keeps this policy: the bank's minimum share and the fund's cap on these grounds. */
    public boolean allows(RiskSplit split, List<String> policyBasis) {
        return split.bankShareBp() >= minBankShareBp && split.fundShareBp() <= fundCapBp(policyBasis);
    }
}
