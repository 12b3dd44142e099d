package dev.duijie.bidding;

/** submitted → accepted | declined (another bid won, or the request closed) | withdrawn (by the bank). */
public enum BidStatus {
    SUBMITTED,
    ACCEPTED,
    DECLINED,
    WITHDRAWN
}
