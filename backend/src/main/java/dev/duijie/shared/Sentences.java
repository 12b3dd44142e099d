package dev.duijie.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Localized sentences from the message bundles, for problem details and the reasons given with matches. */
@Component
public class Sentences {

    private final MessageSource messages;

    public Sentences(MessageSource messages) {
        this.messages = messages;
    }

    /** The sentence for {@code key} in {@code locale}; the key itself when no bundle has it. */
    public String say(String key, Locale locale, Object... args) {
        // numbers as plain digits: amounts in fen are identifiers of a sort, not to be grouped as 150,000,000
        Object[] plain = Arrays.stream(args)
                .map(arg -> arg instanceof Number ? arg.toString() : arg)
                .toArray();
        return Objects.requireNonNullElse(messages.getMessage(key, plain, key, locale), key);
    }
}
