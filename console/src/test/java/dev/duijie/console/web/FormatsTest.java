package dev.duijie.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class FormatsTest {

    private final Formats formats = new Formats();

    @AfterEach
    void resetLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void givenChinese_whenAnAmountIsShown_thenItIsIn万元WithoutFloatingPointNoise() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

        assertThat(formats.wan(300_000_000L)).isEqualTo("300 万元");
        assertThat(formats.wan(12_500_000_000L)).isEqualTo("12,500 万元");
        assertThat(formats.wan(1_234_567L)).isEqualTo("1.2346 万元");
        assertThat(formats.yuan(123_456L)).isEqualTo("1,234.56 元");
        assertThat(formats.yuan(10_000L)).isEqualTo("100 元");
        assertThat(formats.wan(null)).isEqualTo("—");
    }

    @Test
    void givenAnAnswerWithinTheHour_whenItsTimeIsShown_thenItSaysUnderAnHourNotZeroHours() {
        OffsetDateTime published = OffsetDateTime.parse("2026-12-08T09:00:00+08:00");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

        assertThat(formats.between(published, published.plusMinutes(40))).isEqualTo("不到 1 小时");
        assertThat(formats.between(published, published.plusHours(5))).isEqualTo("5 小时");
        assertThat(formats.between(published, published.plusDays(3))).isEqualTo("3 天");

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.between(published, published.plusMinutes(40))).isEqualTo("under an hour");
        assertThat(formats.between(published, published.plusHours(1))).isEqualTo("1 hour");
    }

    @Test
    void givenEnglish_whenAnAmountIsShown_thenItIsInYuanWithTheSign() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(formats.wan(300_000_000L)).isEqualTo("¥3,000,000");
        assertThat(formats.yuan(123_456L)).isEqualTo("¥1,234.56");
    }

    @Test
    void givenBasisPoints_whenShown_thenTheyArePercent() {
        assertThat(formats.percent(435)).isEqualTo("4.35%");
        assertThat(formats.percent(600)).isEqualTo("6%");
        assertThat(formats.share(6000)).isEqualTo("60%");
    }

    @Test
    void givenAMomentInUtc_whenShown_thenItIsInCountyTime() {
        assertThat(formats.dateTime(OffsetDateTime.parse("2026-12-07T20:30:00Z")))
                .isEqualTo("2026-12-08 04:30");
        assertThat(formats.date(OffsetDateTime.parse("2026-12-07T20:30:00Z"))).isEqualTo("2026-12-08");
    }
}
