package dev.duijie.talent;

import java.util.Locale;

/** Education levels in rising order: a need's minimum is met by that level or any later one. */
public enum EducationLevel {
    NONE,
    SECONDARY,
    ASSOCIATE,
    BACHELOR,
    MASTER,
    DOCTORATE;

    public boolean meets(EducationLevel minimum) {
        return compareTo(minimum) >= 0;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EducationLevel fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
