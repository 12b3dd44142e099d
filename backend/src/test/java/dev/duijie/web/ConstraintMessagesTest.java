package dev.duijie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.duijie.api.dto.FinancingRequestDraftDto;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * The contract's own limits (minimum, maximum) as a loan officer reads them beside a field: an amount's limit in
 * 万元/元 or yuan, a rate's in percent, other numbers as they are; checked by the real Bean Validation of a
 * generated body, as Spring MVC checks it, and worded by {@link ProblemDetails}.
 */
class ConstraintMessagesTest {

    private static final LocalValidatorFactoryBean VALIDATOR = validator();

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    @Test
    void givenAmountAndRateBeyondTheContractsLimits_whenReadInChinese_thenTheLimitsInWanYuanAndPercent() {
        Map<String, String> messages = violations(draft(1_000_000_000_001L, 2401, 400), AsAnswered.CHINESE);

        assertThat(messages)
                .contains(
                        entry("amountFen", "不能大于 1,000,000 万元"),
                        entry("maxAnnualRateBp", "不能大于 24%"),
                        entry("termMonths", "不能大于 360"));
        assertThat(violations(draft(0, 0, 36), AsAnswered.CHINESE))
                .contains(entry("amountFen", "不能小于 0.01 元"), entry("maxAnnualRateBp", "不能小于 0.01%"));
    }

    @Test
    void givenAmountAndRateBeyondTheContractsLimits_whenReadInEnglish_thenYuanAndPercent() {
        Map<String, String> messages = violations(draft(1_000_000_000_001L, 2401, 400), Locale.ENGLISH);

        assertThat(messages)
                .contains(
                        entry("amountFen", "must be at most 10,000,000,000 yuan"),
                        entry("maxAnnualRateBp", "must be at most 24%"),
                        entry("termMonths", "must be at most 360"));
    }

    private static Map<String, String> violations(Object body, Locale locale) {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(body, "body");
        VALIDATOR.validate(body, errors);
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : errors.getFieldErrors()) {
            messages.put(
                    error.getField(),
                    AsAnswered.problems()
                            .violation(error.getField(), error, locale)
                            .message());
        }
        return messages;
    }

    private static FinancingRequestDraftDto draft(long amountFen, int maxAnnualRateBp, int termMonths) {
        FinancingRequestDraftDto draft = new FinancingRequestDraftDto();
        draft.setAmountFen(amountFen);
        draft.setMaxAnnualRateBp(maxAnnualRateBp);
        draft.setTermMonths(termMonths);
        return draft;
    }

    private static LocalValidatorFactoryBean validator() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return validator;
    }
}
