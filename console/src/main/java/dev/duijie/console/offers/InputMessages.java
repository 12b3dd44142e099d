package dev.duijie.console.offers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The messages for input the console could not read (letters in an amount, no date), in the person's language:
 * kind {@code number} → {@code offers.input.number}.
 */
@Component
public class InputMessages {

    private final MessageSource messages;

    InputMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** Field → kind of unreadable input, as field → message. */
    public Map<String, String> resolve(Map<String, String> kinds) {
        Map<String, String> resolved = new LinkedHashMap<>();
        kinds.forEach((field, kind) -> resolved.put(
                field, messages.getMessage("offers.input." + kind, null, kind, LocaleContextHolder.getLocale())));
        return resolved;
    }
}
