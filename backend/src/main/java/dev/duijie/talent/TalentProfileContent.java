package dev.duijie.talent;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a talent writes in their profile. Salaries are monthly, in fen. */
public record TalentProfileContent(
        String displayName,
        List<String> skills,
        List<String> tags,
        EducationLevel education,
        int yearsExperience,
        String currentCity,
        @Nullable String hometownRegion,
        boolean willingToReturn,
        long salaryMinFen,
        long salaryMaxFen,
        @Nullable String resume,
        @Nullable String phone,
        @Nullable String email,
        Visibility visibility) {

    /** The names of the fields that differ from {@code before} (all of them when there was none). */
    List<String> fieldsChangedFrom(@Nullable TalentProfileContent before) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent field : TalentProfileContent.class.getRecordComponents()) {
            try {
                Object now = field.getAccessor().invoke(this);
                Object then = before == null ? null : field.getAccessor().invoke(before);
                if (before == null || !Objects.equals(now, then)) {
                    changed.add(field.getName());
                }
            } catch (ReflectiveOperationException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return changed;
    }
}
