package dev.duijie.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.duijie.financing.RequestContent;
import dev.duijie.offer.GuaranteeTerms;
import dev.duijie.offer.LoanTerms;
import dev.duijie.web.AsAnswered;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Why a match ranks where it does, as the firm reads it: each factor's contribution, which add up to the score,
 * and a sentence in the caller's language from the real message bundles. The request asks 3,000,000 yuan for 36
 * months at no more than 4.80 %; the product lends 1,000,000–5,000,000 yuan for 24–48 months from 3.80 %.
 */
class MatchExplanationsTest {

    private static final UUID BANK = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final LoanTerms PRODUCT = new LoanTerms(
            "腊肉贷",
            null,
            100_000_000L,
            500_000_000L,
            24,
            48,
            380,
            550,
            List.of("cured-pork"),
            List.of(),
            List.of(),
            List.of("real_estate"),
            false,
            List.of());
    private static final RequestContent REQUEST = new RequestContent(
            "老腊肉熏制车间扩建", "扩建", null, 300_000_000L, 36, "cured-pork", "donghe", List.of("real_estate"), false, 480);
    private static final double RATE = 2 * Math.pow(0.5, Math.pow(380.0 / 480, 2));

    private final MatchExplanations explanations = new MatchExplanations(AsAnswered.sentences());

    @AfterEach
    void forgetTheLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void givenARequestAtAProductsSweetSpot_whenExplainedInChinese_thenEachFactorItsShareAndItsSentence() {
        LocaleContextHolder.setLocale(AsAnswered.CHINESE);
        LenderResponseTimes.Snapshot times = LenderResponseTimes.Snapshot.of(Map.of(BANK, Duration.ofMinutes(40)), NOW);
        double response = LoanProductScoring.responseFit(Duration.ofMinutes(40));

        List<MatchFactor> why = explanations.forRequest(PRODUCT, REQUEST, times, BANK, 3 + 2 + RATE + response);

        assertThat(why)
                .extracting(MatchFactor::factor)
                .containsExactly("amount", "term", "rate", "response-time", "industry", "collateral");
        assertThat(why)
                .extracting(MatchFactor::sentence)
                .containsExactly(
                        "金额300万元在产品区间100万–500万元内",
                        "期限36个月在产品24–48个月内",
                        "产品最低年利率3.80%，低于企业可接受的最高4.80%",
                        "该银行近180天响应需求的中位时间为0.7小时",
                        "产品面向本需求所属产业",
                        "接受企业提供的抵质押方式");
        assertThat(why.get(0).contribution()).isCloseTo(3.0, offset(1e-9));
        assertThat(why.get(1).contribution()).isCloseTo(2.0, offset(1e-9));
        assertThat(why.get(2).contribution()).isCloseTo(RATE, offset(1e-9));
        assertThat(why.get(3).contribution()).isCloseTo(response, offset(1e-9));
    }

    @Test
    void givenAScoreAboveTheFunctions_whenExplained_thenTheRestIsTheTextsPartAndTheFactorsAddUpToTheScore() {
        LocaleContextHolder.setLocale(AsAnswered.CHINESE);
        LenderResponseTimes.Snapshot nobodyYet = LenderResponseTimes.Snapshot.of(Map.of(), NOW);
        double score = 3 + 2 + RATE + 0.75;

        List<MatchFactor> why = explanations.forRequest(PRODUCT, REQUEST, nobodyYet, BANK, score);

        assertThat(why)
                .extracting(MatchFactor::factor)
                .doesNotContain("response-time")
                .contains("text");
        MatchFactor text =
                why.stream().filter(f -> f.factor().equals("text")).findFirst().orElseThrow();
        assertThat(text.contribution()).isCloseTo(0.75, offset(1e-9));
        assertThat(text.sentence()).isEqualTo("产品名称或介绍与需求用词相关");
        assertThat(why.stream().mapToDouble(MatchFactor::contribution).sum()).isCloseTo(score, offset(1e-9));
    }

    @Test
    void givenABankWithoutARecord_whenExplained_thenItIsRankedAsTheCountysTypicalBankAndSaysSo() {
        LocaleContextHolder.setLocale(AsAnswered.CHINESE);
        LenderResponseTimes.Snapshot others = LenderResponseTimes.Snapshot.of(
                Map.of(UUID.randomUUID(), Duration.ofHours(6), UUID.randomUUID(), Duration.ofHours(12)), NOW);

        List<MatchFactor> why = explanations.forRequest(PRODUCT, REQUEST, others, BANK, 10);

        MatchFactor response = why.stream()
                .filter(f -> f.factor().equals("response-time"))
                .findFirst()
                .orElseThrow();
        assertThat(response.sentence()).isEqualTo("该银行响应记录尚少，按全县银行中位响应时间9.0小时计");
        assertThat(response.contribution())
                .isCloseTo(LoanProductScoring.responseFit(Duration.ofHours(9)), offset(1e-9));
    }

    @Test
    void givenAnEnglishSpeaker_whenExplained_thenYuanWithThousandsAndEnglishSentences() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        LenderResponseTimes.Snapshot times = LenderResponseTimes.Snapshot.of(Map.of(BANK, Duration.ofHours(2)), NOW);

        List<MatchFactor> why = explanations.forRequest(PRODUCT, REQUEST, times, BANK, 3 + 2 + RATE);

        assertThat(why)
                .extracting(MatchFactor::sentence)
                .startsWith(
                        "Amount 3,000,000 yuan is within the product's range of 1,000,000–5,000,000 yuan",
                        "A term of 36 months is within the product's 24–48 months",
                        "Lowest annual rate 3.80%, under the firm's maximum of 4.80%",
                        "The bank's median response time over the last 180 days is 2.0 hours");
    }

    @Test
    void givenAGuaranteeProduct_whenExplained_thenFeeCoverageAndWhatItAsks() {
        LocaleContextHolder.setLocale(AsAnswered.CHINESE);
        GuaranteeTerms guarantee =
                new GuaranteeTerms("助企担保", null, 1_000_000_000L, 8000, 100, List.of(), List.of(), true);

        List<MatchFactor> why =
                explanations.forGuarantee(guarantee, GuaranteeScoring.feeFit(100) + GuaranteeScoring.coverageFit(8000));

        assertThat(why)
                .extracting(MatchFactor::sentence)
                .containsExactly("担保费率每年1.00%", "担保比例80.00%", "产品不限产业", "需要提供反担保");
    }
}
