package dev.duijie.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Localized sentences from the message bundles, for problem details and the reasons given with matches. Money and
 * rates passed as a {@link Quantity} are written in the reader's units and language.
 */
@Component
public class Sentences {

    private final MessageSource messages;

    public Sentences(MessageSource messages) {
        this.messages = messages;
    }

    /** The sentence for {@code key} in {@code locale}; the key itself when no bundle has it. */
    public String say(String key, Locale locale, Object... args) {
        return Objects.requireNonNullElse(messages.getMessage(key, readable(args, locale), key, locale), key);
    }

    /** The sentence for a message Spring built (a constraint violation), with its arguments made readable. */
    public String say(MessageSourceResolvable message, Locale locale) {
        Object[] args = message.getArguments();
        return messages.getMessage(
                new DefaultMessageSourceResolvable(
                        message.getCodes(), args == null ? null : readable(args, locale), message.getDefaultMessage()),
                locale);
    }

    private static Object[] readable(Object[] args, Locale locale) {
        return Arrays.stream(args)
                .map(arg -> switch (arg) {
                    case Quantity quantity -> quantity.in(locale);
                    // other numbers (counts, days, limits) as plain digits, not grouped by MessageFormat
                    case Number number -> number.toString();
                    case null, default -> arg;
                })
                .toArray();
    }
}
