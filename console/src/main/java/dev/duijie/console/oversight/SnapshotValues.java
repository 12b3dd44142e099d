package dev.duijie.console.oversight;

import dev.duijie.console.web.Formats;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A value from an audit snapshot as a person reads it, by the field's name as the contract spells such fields:
 * {@code …Fen} is money, {@code …Bp} a rate or share, {@code …At} a time, true/false is 是/否. For templates:
 * {@code ${@snapshotValues.show(change.field, change.after)}} and {@code ${@snapshotValues.label(change.field)}}.
 */
@Component("snapshotValues")
public class SnapshotValues {

    private final Formats formats;
    private final MessageSource messages;

    SnapshotValues(Formats formats, MessageSource messages) {
        this.formats = formats;
        this.messages = messages;
    }

    public String show(String field, @Nullable Object value) {
        if (value == null || "".equals(value)) {
            return "—";
        }
        if (value instanceof Boolean yes) {
            return message(yes ? "regulator.audit.yes" : "regulator.audit.no", String.valueOf(yes));
        }
        if (value instanceof Number number) {
            if (field.endsWith("Fen")) {
                return formats.wan(number.longValue());
            }
            if (field.endsWith("Bp")) {
                return formats.percent(number.intValue());
            }
            return number.toString();
        }
        String text = value.toString();
        if (field.endsWith("At")) {
            try {
                return formats.dateTime(OffsetDateTime.parse(text));
            } catch (DateTimeParseException notATime) {
                return text;
            }
        }
        return text;
    }

    /** The field's name in the person's language where the console knows it, else as the backend spells it. */
    public String label(String field) {
        return message("regulator.field." + field, field);
    }

    private String message(String key, String otherwise) {
        return Objects.requireNonNullElse(
                messages.getMessage(key, null, otherwise, LocaleContextHolder.getLocale()), otherwise);
    }
}
