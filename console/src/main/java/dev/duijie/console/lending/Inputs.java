package dev.duijie.console.lending;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What people type, made into the contract's units exactly (BigDecimal, never floating point): 万元 and 元 into
 * fen, percent into basis points. Only the form of the input is checked here (a number, not too precise); every
 * business rule is the backend's. A bad input's message goes into {@code errors} under the form field's name.
 */
final class Inputs {

    private static final BigDecimal FEN_PER_WAN = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal FEN_PER_YUAN = BigDecimal.valueOf(100);
    private static final BigDecimal BP_PER_PERCENT = BigDecimal.valueOf(100);

    private final MessageSource messages;
    private final Map<String, String> errors;

    Inputs(MessageSource messages, Map<String, String> errors) {
        this.messages = messages;
        this.errors = errors;
    }

    @Nullable
    Long wanToFen(@Nullable String text, String field) {
        BigDecimal value = number(text, field);
        return value == null ? null : whole(value.multiply(FEN_PER_WAN), field, "bank.input.too-precise-wan");
    }

    @Nullable
    Long yuanToFen(@Nullable String text, String field) {
        BigDecimal value = number(text, field);
        return value == null ? null : whole(value.multiply(FEN_PER_YUAN), field, "bank.input.too-precise-yuan");
    }

    @Nullable
    Integer percentToBp(@Nullable String text, String field) {
        BigDecimal value = number(text, field);
        Long bp = value == null ? null : whole(value.multiply(BP_PER_PERCENT), field, "bank.input.too-precise-percent");
        return bp == null ? null : toInt(bp, field);
    }

    @Nullable
    Integer integer(@Nullable String text, String field) {
        BigDecimal value = number(text, field);
        Long whole = value == null ? null : whole(value, field, "bank.input.whole");
        return whole == null ? null : toInt(whole, field);
    }

    /** A date picked in county time, meaning the end of that day there. */
    @Nullable
    OffsetDateTime endOfDay(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            fail(field, "bank.input.required");
            return null;
        }
        try {
            return LocalDate.parse(text.trim())
                    .plusDays(1)
                    .atStartOfDay(dev.duijie.console.web.Formats.COUNTY_TIME)
                    .minusMinutes(1)
                    .toOffsetDateTime();
        } catch (DateTimeParseException notADate) {
            fail(field, "bank.input.date");
            return null;
        }
    }

    private @Nullable BigDecimal number(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            fail(field, "bank.input.required");
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.trim().replace(",", "").replace("，", ""));
            if (value.signum() < 0) {
                fail(field, "bank.input.negative");
                return null;
            }
            return value;
        } catch (NumberFormatException notANumber) {
            fail(field, "bank.input.number");
            return null;
        }
    }

    private @Nullable Long whole(BigDecimal value, String field, String tooPrecise) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0) {
            fail(field, tooPrecise);
            return null;
        }
        try {
            return stripped.longValueExact();
        } catch (ArithmeticException tooLarge) {
            fail(field, "bank.input.too-large");
            return null;
        }
    }

    private @Nullable Integer toInt(long value, String field) {
        if (value > Integer.MAX_VALUE) {
            fail(field, "bank.input.too-large");
            return null;
        }
        return (int) value;
    }

    private void fail(String field, String key) {
        errors.putIfAbsent(field, messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Fen as the 万元 people type, e.g. 3,000,000 fen → "300" (for refilling a form). */
    static String wan(@Nullable Long fen) {
        return fen == null
                ? ""
                : new BigDecimal(fen).divide(FEN_PER_WAN).stripTrailingZeros().toPlainString();
    }

    static String yuan(@Nullable Long fen) {
        return fen == null
                ? ""
                : new BigDecimal(fen).divide(FEN_PER_YUAN).stripTrailingZeros().toPlainString();
    }

    static String percent(@Nullable Integer bp) {
        return bp == null ? "" : BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString();
    }
}
