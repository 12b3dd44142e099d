package dev.duijie.bidding;

/** A named guarantor's answer; a bid with a guarantor is acceptable only once confirmed. */
public enum GuarantorDecision {
    PENDING,
    CONFIRMED,
    DECLINED
}
