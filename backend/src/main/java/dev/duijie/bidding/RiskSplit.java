package dev.duijie.bidding;

/** Who bears a default, in basis points of the loan: bank, guarantor and the government fund. */
public record RiskSplit(int bankShareBp, int guarantorShareBp, int fundShareBp) {

    public int total() {
        return bankShareBp + guarantorShareBp + fundShareBp;
    }

    /** The fund's part of {@code amountFen}, rounded down to the fen. */
    public long fundExposureFen(long amountFen) {
        return Math.multiplyExact(amountFen, (long) fundShareBp) / 10_000;
    }
}
