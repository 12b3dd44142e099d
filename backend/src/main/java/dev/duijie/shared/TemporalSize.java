package dev.duijie.shared;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;
import java.time.temporal.Temporal;
import org.jspecify.annotations.Nullable;

/**
 * The contract bounds every string, timestamps and dates included (OWASP API4: string limits), and the
 * generator turns {@code maxLength} into {@code @Size} on {@code OffsetDateTime} and {@code LocalDate}, which
 * Bean Validation has no validator for. This is that validator: the size of a timestamp or date is the
 * length of its ISO-8601 text. Registered through META-INF/services, as Bean Validation discovers custom
 * validators.
 */
public class TemporalSize implements ConstraintValidator<Size, Temporal> {

    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        min = size.min();
        max = size.max();
    }

    @Override
    public boolean isValid(@Nullable Temporal value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int length = value.toString().length();
        return length >= min && length <= max;
    }
}
