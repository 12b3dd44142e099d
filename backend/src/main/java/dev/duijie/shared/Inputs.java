package dev.duijie.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks on request values that the contract's constraints cannot express: text that is too short once
 * its surrounding spaces are removed, and null items inside lists. Each failure is a 400 naming the field.
 */
public final class Inputs {

    private Inputs() {}

    /** The text without surrounding white space, at least {@code minLength} characters long. */
    public static String text(String field, String value, int minLength) {
        String stripped = value.strip();
        if (stripped.length() < minLength) {
            throw DomainProblem.invalidField(field, "field.text.too-short", minLength);
        }
        return stripped;
    }

    /** Optional text: blank becomes null. */
    public static @Nullable String optionalText(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The items of a list field; a missing (null) list is empty; a null item is a 400 naming it. */
    public static <T> List<T> items(String field, @Nullable Collection<T> values) {
        if (values == null) {
            return List.of();
        }
        List<T> items = new ArrayList<>(values.size());
        int index = 0;
        for (T value : values) {
            if (value == null) {
                throw DomainProblem.invalidField(field + "[" + index + "]", "NotNull");
            }
            items.add(value);
            index++;
        }
        return List.copyOf(items);
    }
}
