package dev.duijie.console.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money, rates and times as the county writes them, for templates ({@code ${@formats.wan(r.amountFen)}}). Money
 * is whole fen (never floating point) and is divided only here, for display, with BigDecimal.
 */
@Component("formats")
public class Formats {

    /** The county's clock: every date and time a person reads is in China Standard Time. */
    public static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

    private static final BigDecimal FEN_PER_WAN = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal FEN_PER_YUAN = BigDecimal.valueOf(100);

    private static boolean chinese() {
        return !LocaleContextHolder.getLocale().getLanguage().equals("en");
    }

    /** An amount in 万元 as loans are spoken of, e.g. 3,000,000 fen → "3 万元" ("¥30,000" in English). */
    public String wan(@Nullable Long fen) {
        if (fen == null) {
            return "—";
        }
        if (!chinese()) {
            return yuan(fen);
        }
        BigDecimal wan = BigDecimal.valueOf(fen)
                .divide(FEN_PER_WAN, 4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return grouped(wan) + " 万元";
    }

    /** An exact amount in yuan, e.g. 123,456 fen → "1,234.56 元" ("¥1,234.56"). */
    public String yuan(@Nullable Long fen) {
        if (fen == null) {
            return "—";
        }
        BigDecimal yuan = BigDecimal.valueOf(fen).divide(FEN_PER_YUAN, 2, RoundingMode.UNNECESSARY);
        if (yuan.stripTrailingZeros().scale() <= 0) {
            yuan = yuan.setScale(0, RoundingMode.UNNECESSARY);
        }
        return chinese() ? grouped(yuan) + " 元" : "¥" + grouped(yuan);
    }

    /** Basis points as a yearly percentage, e.g. 435 → "4.35%". */
    public String percent(@Nullable Integer basisPoints) {
        if (basisPoints == null) {
            return "—";
        }
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A share in basis points of 100 %, e.g. 6000 → "60%". */
    public String share(@Nullable Integer basisPoints) {
        return percent(basisPoints);
    }

    public String dateTime(@Nullable OffsetDateTime moment) {
        return moment == null ? "—" : dateTime(moment.toInstant());
    }

    public String dateTime(@Nullable Instant moment) {
        if (moment == null) {
            return "—";
        }
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(moment.atZone(COUNTY_TIME));
    }

    public String date(@Nullable OffsetDateTime moment) {
        return moment == null ? "—" : date(moment.atZoneSameInstant(COUNTY_TIME).toLocalDate());
    }

    public String date(@Nullable LocalDate day) {
        return day == null ? "—" : DateTimeFormatter.ISO_LOCAL_DATE.format(day);
    }

    /** How long ago, roughly, e.g. "3 天" / "3 days"; for the response clock. */
    public String waited(@Nullable OffsetDateTime since) {
        if (since == null) {
            return "—";
        }
        return hoursOrDays(Duration.between(since.toInstant(), Instant.now()));
    }

    /** How long from one moment to another, e.g. "5 小时", "3 天" (a bank's time to answer a request). */
    public String between(@Nullable OffsetDateTime from, @Nullable OffsetDateTime to) {
        if (from == null || to == null) {
            return "—";
        }
        return hoursOrDays(Duration.between(from.toInstant(), to.toInstant()));
    }

    private String hoursOrDays(Duration waited) {
        long hours = Math.max(0, waited.toHours());
        if (hours == 0) {
            // "0 hours" reads as no time at all, or as a fault
            return chinese() ? "不到 1 小时" : "under an hour";
        }
        if (hours < 24) {
            return chinese() ? hours + " 小时" : hours + (hours == 1 ? " hour" : " hours");
        }
        long days = hours / 24;
        return chinese() ? days + " 天" : days + (days == 1 ? " day" : " days");
    }

    private static String grouped(BigDecimal number) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
        format.setGroupingUsed(true);
        format.setMaximumFractionDigits(Math.max(0, number.scale()));
        format.setMinimumFractionDigits(Math.max(0, number.scale()));
        return format.format(number);
    }
}
