package dev.duijie.console.oversight;

import dev.duijie.console.backend.model.RiskFund;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * The risk fund as the regulator reads it: its policy, and how much of its capacity awards have reserved, with the
 * reserved share as an SVG bar width (0–100).
 */
public record FundView(RiskFund fund, long reservedFen, long availableFen, String reservedPercent) {

    static @Nullable FundView of(@Nullable RiskFund fund) {
        if (fund == null) {
            return null;
        }
        long capacity = fund.getCapacityFen() == null ? 0 : fund.getCapacityFen();
        long reserved = fund.getReservedFen() == null ? 0 : fund.getReservedFen();
        long available = fund.getAvailableFen() == null ? Math.max(0, capacity - reserved) : fund.getAvailableFen();
        String percent = capacity <= 0
                ? "0"
                : BigDecimal.valueOf(Math.min(reserved, capacity))
                        .multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(capacity), 1, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString();
        return new FundView(fund, reserved, available, percent);
    }
}
