package dev.duijie.console.offers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * What people type, read exactly (BigDecimal, never floating point): amounts in 万元 into fen, percentages into
 * basis points. Only the reading is done here; whether a value is allowed is the backend's answer.
 */
public final class NumberInput {

    private static final BigDecimal FEN_PER_WAN = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal BP_PER_PERCENT = BigDecimal.valueOf(100);

    private NumberInput() {}

    /** "300" or "12.5" (万元) → fen; null when blank, not a number or finer than a fen. */
    public static @Nullable Long wanToFen(@Nullable String typed) {
        BigDecimal number = parse(typed);
        if (number == null) {
            return null;
        }
        try {
            return number.multiply(FEN_PER_WAN)
                    .setScale(0, RoundingMode.UNNECESSARY)
                    .longValueExact();
        } catch (ArithmeticException tooFine) {
            return null;
        }
    }

    /** "4.35" (%) → 435 basis points; null when blank, not a number or finer than a basis point. */
    public static @Nullable Integer percentToBp(@Nullable String typed) {
        BigDecimal number = parse(typed);
        if (number == null) {
            return null;
        }
        try {
            return number.multiply(BP_PER_PERCENT)
                    .setScale(0, RoundingMode.UNNECESSARY)
                    .intValueExact();
        } catch (ArithmeticException tooFine) {
            return null;
        }
    }

    /** Fen → the 万元 a form shows again, e.g. 3,000,000 → "3". */
    public static String fenToWan(@Nullable Long fen) {
        return fen == null
                ? ""
                : BigDecimal.valueOf(fen)
                        .divide(FEN_PER_WAN, 6, RoundingMode.UNNECESSARY)
                        .stripTrailingZeros()
                        .toPlainString();
    }

    /** Basis points → the percentage a form shows again, e.g. 435 → "4.35". */
    public static String bpToPercent(@Nullable Integer bp) {
        return bp == null ? "" : BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString();
    }

    private static @Nullable BigDecimal parse(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
