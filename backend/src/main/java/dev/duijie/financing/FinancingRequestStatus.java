package dev.duijie.financing;

/** draft → open → withdrawn (awarded and expired come with bidding). */
public enum FinancingRequestStatus {
    DRAFT, OPEN, WITHDRAWN
}
