package dev.duijie.bidding;

/**
 * The rules a bid's risk split must keep: the fund covers at most {@code maxFundShareBp} (plus a bonus for a
 * first loan or an IP-pledge loan) and the bank keeps at least {@code minBankShareBp}.
 */
public record RiskFundPolicy(int maxFundShareBp, int minBankShareBp, int firstLoanBonusBp, int ipPledgeBonusBp,
        long capacityFen) {
}
