package dev.duijie.matching;

import dev.duijie.financing.FinancingRequest;
import dev.duijie.financing.RequestContent;
import dev.duijie.offer.GuaranteeTerms;
import dev.duijie.offer.InvestmentTerms;
import dev.duijie.offer.LoanTerms;
import dev.duijie.shared.Sentences;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Why a match ranks where it does: each factor's contribution, computed with the same formulas and
 * weights as the query ({@link LoanProductScoring}), and a sentence in the caller's language. The score is
 * the text query's score plus the decay functions, so what the functions do not explain is the text's part.
 */
@Component
class MatchExplanations {

    private final Sentences sentences;

    MatchExplanations(Sentences sentences) {
        this.sentences = sentences;
    }

    /** A loan product matched to a request (the firm's view). */
    List<MatchFactor> forRequest(
            LoanTerms product,
            RequestContent request,
            LenderResponseTimes.Snapshot responseTimes,
            UUID lender,
            double score) {
        Locale locale = LocaleContextHolder.getLocale();
        long middle = LoanProductScoring.middle(product.amountMinFen(), product.amountMaxFen());
        List<MatchFactor> why = new ArrayList<>();
        why.add(amount(
                product,
                request,
                locale,
                LoanProductScoring.gauss(
                        middle, request.amountFen(), LoanProductScoring.amountScale(request.amountFen()))));
        why.add(term(product, request, locale));
        why.add(new MatchFactor(
                "rate",
                LoanProductScoring.RATE_WEIGHT
                        * LoanProductScoring.gauss(
                                product.rateMinBp(), 0, LoanProductScoring.rateScale(request.maxAnnualRateBp())),
                sentences.say("match.rate", locale, percent(product.rateMinBp()), percent(request.maxAnnualRateBp()))));
        responseTimes
                .rankedBy(lender)
                .ifPresent(time -> why.add(new MatchFactor(
                        "response-time",
                        LoanProductScoring.responseFit(time),
                        sentences.say(
                                responseTimes.byLender().containsKey(lender)
                                        ? "match.response-time"
                                        : "match.response-time.typical",
                                locale,
                                hours(time)))));
        return withTextAndFacts(why, product, score, locale);
    }

    /** An open request matched to a bank's product (the bank's inbox). */
    List<MatchFactor> forInbox(LoanTerms product, FinancingRequest request, double score, Instant now) {
        Locale locale = LocaleContextHolder.getLocale();
        RequestContent content = request.content();
        long middle = LoanProductScoring.middle(product.amountMinFen(), product.amountMaxFen());
        List<MatchFactor> why = new ArrayList<>();
        why.add(amount(
                product,
                content,
                locale,
                LoanProductScoring.gauss(content.amountFen(), middle, LoanProductScoring.amountScale(middle))));
        why.add(term(product, content, locale));
        why.add(freshness(request, now, locale));
        return withTextAndFacts(why, product, score, locale);
    }

    /** An open request matched to a guarantor's product (the guarantor's inbox). */
    List<MatchFactor> forGuaranteeInbox(GuaranteeTerms product, FinancingRequest request, double score, Instant now) {
        Locale locale = LocaleContextHolder.getLocale();
        long amount = request.content().amountFen();
        long middle = GuaranteeScoring.inboxMiddle(product);
        List<MatchFactor> why = new ArrayList<>();
        why.add(new MatchFactor(
                "amount",
                LoanProductScoring.AMOUNT_WEIGHT
                        * LoanProductScoring.gauss(amount, middle, LoanProductScoring.amountScale(middle)),
                sentences.say(
                        "match.guarantee-limit", locale, wan(amount, locale), wan(product.maxAmountFen(), locale))));
        why.add(freshness(request, now, locale));
        addText(why, score, locale);
        why.add(new MatchFactor(
                "industry",
                0,
                sentences.say(product.industries().isEmpty() ? "match.industry.any" : "match.industry", locale)));
        if (product.counterGuaranteeRequired()) {
            why.add(new MatchFactor("counter-guarantee", 0, sentences.say("match.counter-guarantee", locale)));
        }
        return why;
    }

    /** An open request matched to an investor's offer (the investor's inbox). */
    List<MatchFactor> forInvestmentInbox(InvestmentTerms offer, FinancingRequest request, double score, Instant now) {
        Locale locale = LocaleContextHolder.getLocale();
        long amount = request.content().amountFen();
        long middle = LoanProductScoring.middle(offer.ticketMinFen(), offer.ticketMaxFen());
        List<MatchFactor> why = new ArrayList<>();
        why.add(new MatchFactor(
                "amount",
                LoanProductScoring.AMOUNT_WEIGHT
                        * LoanProductScoring.gauss(amount, middle, LoanProductScoring.amountScale(middle)),
                sentences.say(
                        "match.ticket",
                        locale,
                        wan(amount, locale),
                        wan(offer.ticketMinFen(), locale),
                        wan(offer.ticketMaxFen(), locale))));
        why.add(freshness(request, now, locale));
        addText(why, score, locale);
        why.add(new MatchFactor(
                "industry",
                0,
                sentences.say(offer.industries().isEmpty() ? "match.industry.any" : "match.industry", locale)));
        return why;
    }

    private MatchFactor freshness(FinancingRequest request, Instant now, Locale locale) {
        Instant published = request.publishedAt() == null ? now : request.publishedAt();
        double ageDays = Math.max(0, Duration.between(published, now).toMillis()) / 86_400_000.0;
        return new MatchFactor(
                "freshness",
                LoanProductScoring.FRESHNESS_WEIGHT
                        * LoanProductScoring.gauss(ageDays, 0, LoanProductScoring.FRESHNESS_SCALE_DAYS),
                sentences.say("match.freshness", locale, (long) Math.floor(ageDays)));
    }

    /** A guarantee product matched to a request. */
    List<MatchFactor> forGuarantee(GuaranteeTerms product, double score) {
        Locale locale = LocaleContextHolder.getLocale();
        List<MatchFactor> why = new ArrayList<>();
        why.add(new MatchFactor(
                "fee",
                GuaranteeScoring.feeFit(product.annualFeeRateBp()),
                sentences.say("match.guarantee-fee", locale, percent(product.annualFeeRateBp()))));
        why.add(new MatchFactor(
                "coverage",
                GuaranteeScoring.coverageFit(product.coverageRatioBp()),
                sentences.say("match.guarantee-coverage", locale, percent(product.coverageRatioBp()))));
        addText(why, score, locale);
        why.add(new MatchFactor(
                "industry",
                0,
                sentences.say(product.industries().isEmpty() ? "match.industry.any" : "match.industry", locale)));
        if (product.counterGuaranteeRequired()) {
            why.add(new MatchFactor("counter-guarantee", 0, sentences.say("match.counter-guarantee", locale)));
        }
        return why;
    }

    /** An investment offer matched to a request. */
    List<MatchFactor> forInvestment(InvestmentTerms offer, RequestContent request, double score) {
        Locale locale = LocaleContextHolder.getLocale();
        List<MatchFactor> why = new ArrayList<>();
        why.add(new MatchFactor(
                "amount",
                InvestmentScoring.ticketFit(offer, request.amountFen()),
                sentences.say(
                        "match.ticket",
                        locale,
                        wan(request.amountFen(), locale),
                        wan(offer.ticketMinFen(), locale),
                        wan(offer.ticketMaxFen(), locale))));
        addText(why, score, locale);
        why.add(new MatchFactor(
                "industry",
                0,
                sentences.say(offer.industries().isEmpty() ? "match.industry.any" : "match.industry", locale)));
        return why;
    }

    private void addText(List<MatchFactor> why, double score, Locale locale) {
        double text =
                score - why.stream().mapToDouble(MatchFactor::contribution).sum();
        if (text > 0.001) {
            why.add(new MatchFactor("text", text, sentences.say("match.text", locale)));
        }
    }

    private MatchFactor amount(LoanTerms product, RequestContent request, Locale locale, double fit) {
        return new MatchFactor(
                "amount",
                LoanProductScoring.AMOUNT_WEIGHT * fit,
                sentences.say(
                        "match.amount",
                        locale,
                        wan(request.amountFen(), locale),
                        wan(product.amountMinFen(), locale),
                        wan(product.amountMaxFen(), locale)));
    }

    private MatchFactor term(LoanTerms product, RequestContent request, Locale locale) {
        int middle = (product.termMinMonths() + product.termMaxMonths()) / 2;
        return new MatchFactor(
                "term",
                LoanProductScoring.TERM_WEIGHT
                        * LoanProductScoring.gauss(middle, request.termMonths(), LoanProductScoring.TERM_SCALE_MONTHS),
                sentences.say(
                        "match.term", locale, request.termMonths(), product.termMinMonths(), product.termMaxMonths()));
    }

    private List<MatchFactor> withTextAndFacts(List<MatchFactor> why, LoanTerms product, double score, Locale locale) {
        addText(why, score, locale);
        why.add(new MatchFactor(
                "industry",
                0,
                sentences.say(product.industries().isEmpty() ? "match.industry.any" : "match.industry", locale)));
        why.add(new MatchFactor(
                "collateral",
                0,
                sentences.say(
                        product.collateralAccepted().isEmpty() ? "match.collateral.any" : "match.collateral", locale)));
        if (product.guaranteeRequired()) {
            why.add(new MatchFactor("guarantee", 0, sentences.say("match.guarantee", locale)));
        }
        return why;
    }

    /** An amount in fen as people say it: "300万" in Chinese, "3,000,000" (yuan) in English. */
    private static String wan(long fen, Locale locale) {
        BigDecimal yuan = BigDecimal.valueOf(fen).movePointLeft(2);
        if (Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
            return yuan.movePointLeft(4).stripTrailingZeros().toPlainString() + "万";
        }
        return String.format(
                Locale.ROOT, "%,d", yuan.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** Hours with one decimal: a median of 40 minutes is 0.7 hours, not 0. */
    private static String hours(Duration time) {
        return BigDecimal.valueOf(time.toMillis())
                .divide(BigDecimal.valueOf(3_600_000), 1, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints)
                        .movePointLeft(2)
                        .setScale(2, RoundingMode.UNNECESSARY)
                        .toPlainString() + "%";
    }
}
