package dev.duijie.financing;

/** draft → open → awarded (a bid accepted) | withdrawn | expired (the bid deadline passed without an award). */
public enum FinancingRequestStatus {
    DRAFT,
    OPEN,
    AWARDED,
    WITHDRAWN,
    EXPIRED
}
