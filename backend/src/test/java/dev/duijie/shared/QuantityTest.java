package dev.duijie.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Money and rates as a loan officer reads them in a sentence: 万元 or 元 in Chinese, yuan in English, percent. */
class QuantityTest {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Test
    void givenBasisPoints_whenRead_thenAPercentageWithAtMostTwoDecimals() {
        assertThat(Quantity.basisPoints(8000).in(CHINESE)).isEqualTo("80%");
        assertThat(Quantity.basisPoints(435).in(CHINESE)).isEqualTo("4.35%");
        assertThat(Quantity.basisPoints(450).in(Locale.ENGLISH)).isEqualTo("4.5%");
        assertThat(Quantity.basisPoints(10_000).in(Locale.ENGLISH)).isEqualTo("100%");
        assertThat(Quantity.basisPoints(1).in(CHINESE)).isEqualTo("0.01%");
        assertThat(Quantity.basisPoints(0).in(CHINESE)).isEqualTo("0%");
    }

    @Test
    void givenAnAmountOfWholeHundredsOfYuanFromOneWanUp_whenReadInChinese_thenInWan() {
        assertThat(Quantity.fen(123_450_000L).in(CHINESE)).isEqualTo("123.45 万元");
        assertThat(Quantity.fen(300_000_000L).in(CHINESE)).isEqualTo("300 万元");
        assertThat(Quantity.fen(1_000_000L).in(CHINESE)).isEqualTo("1 万元");
        assertThat(Quantity.fen(50_000_000_000L).in(CHINESE)).isEqualTo("50,000 万元");
    }

    @Test
    void givenASmallOrNotRoundAmount_whenReadInChinese_thenExactlyInYuan() {
        assertThat(Quantity.fen(500_000L).in(CHINESE)).isEqualTo("5,000 元");
        assertThat(Quantity.fen(1L).in(CHINESE)).isEqualTo("0.01 元");
        assertThat(Quantity.fen(300_000_001L).in(CHINESE)).isEqualTo("3,000,000.01 元");
        assertThat(Quantity.fen(123_456_750L).in(CHINESE)).isEqualTo("1,234,567.50 元");
    }

    @Test
    void givenAnAmount_whenReadInEnglish_thenYuanWithThousandsSeparatedAndCentsOnlyWhenThereAreAny() {
        assertThat(Quantity.fen(300_000_000L).in(Locale.ENGLISH)).isEqualTo("3,000,000 yuan");
        assertThat(Quantity.fen(123_456_750L).in(Locale.US)).isEqualTo("1,234,567.50 yuan");
        assertThat(Quantity.fen(1L).in(Locale.ENGLISH)).isEqualTo("0.01 yuan");
    }
}
