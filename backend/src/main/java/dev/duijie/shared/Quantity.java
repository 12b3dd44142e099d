package dev.duijie.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A number in a sentence people read, in the county's units: the API's whole fen become 万元 or 元 (yuan in
 * English) and its basis points become percentages. Pass one as a message argument ({@link #fen},
 * {@link #basisPoints}); {@link Sentences} writes it in the reader's language. The API's fields stay integers.
 */
public sealed interface Quantity {

    /** An amount of money given in fen, e.g. 300,000,000 → "300 万元" / "3,000,000 yuan". */
    static Quantity fen(long fen) {
        return new Money(fen);
    }

    /** A rate or a share given in basis points, e.g. 8000 → "80%", 435 → "4.35%". */
    static Quantity basisPoints(long basisPoints) {
        return new Percent(basisPoints);
    }

    /** As written in a sentence in {@code locale}; exact, never rounded (a limit read off must be the limit). */
    String in(Locale locale);

    /** Money: 万元 in Chinese when a whole number of hundreds of yuan from 1 万元 up, else 元; yuan in English. */
    record Money(long fen) implements Quantity {

        private static final long FEN_PER_WAN = 1_000_000;
        private static final long FEN_PER_HUNDRED_YUAN = 10_000;

        @Override
        public String in(Locale locale) {
            // yuan with cents only when there are any: 3,000,000 / 3,000,000.50
            BigDecimal yuan = fen % 100 == 0 ? BigDecimal.valueOf(fen / 100) : BigDecimal.valueOf(fen, 2);
            if (!Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
                return grouped(yuan) + " yuan";
            }
            if (Math.abs(fen) >= FEN_PER_WAN && fen % FEN_PER_HUNDRED_YUAN == 0) {
                return grouped(withoutTrailingZeros(BigDecimal.valueOf(fen, 6))) + " 万元";
            }
            return grouped(yuan) + " 元";
        }
    }

    /** A percentage with at most two decimals: a basis point is 0.01 %. */
    record Percent(long basisPoints) implements Quantity {

        @Override
        public String in(Locale locale) {
            return withoutTrailingZeros(BigDecimal.valueOf(basisPoints, 2)).toPlainString() + "%";
        }
    }

    /** Thousands separated, every decimal the number has: 1234567.50 → "1,234,567.50". */
    private static String grouped(BigDecimal number) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(number.scale());
        format.setMaximumFractionDigits(number.scale());
        return format.format(number);
    }

    /** 80.00 → 80 (not 8E+1), 4.50 → 4.5. */
    private static BigDecimal withoutTrailingZeros(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
