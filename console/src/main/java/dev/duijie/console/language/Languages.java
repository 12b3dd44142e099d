package dev.duijie.console.language;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The console's languages: Chinese first (the county's), English for whoever asks. */
public final class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    static final List<Locale> ALL = List.of(CHINESE, ENGLISH);

    private Languages() {}

    /** The language for a tag such as {@code en} or {@code zh-CN}; Chinese for anything else. */
    static Locale of(@Nullable String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? ENGLISH : CHINESE;
    }
}
