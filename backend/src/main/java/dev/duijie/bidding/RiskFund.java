package dev.duijie.bidding;

import java.time.Instant;
import java.util.UUID;

/** The government risk-compensation fund: its risk-sharing policy, capacity and what awards have reserved. */
public record RiskFund(RiskFundPolicy policy, long reservedFen, long version, Instant updatedAt) {

    /** The fund's id in the audit trail (it is a single row, not a UUID-keyed entity). */
    public static final UUID AUDIT_ID = UUID.fromString("00000000-0000-4000-a000-000000000001");

    public long availableFen() {
        return policy.capacityFen() - reservedFen;
    }
}
