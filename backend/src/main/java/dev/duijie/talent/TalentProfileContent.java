package dev.duijie.talent;

import java.util.List;
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

    /** The same without contact data, e.g. for the audit trail, which the regulator reads. */
    TalentProfileContent withoutContact() {
        return new TalentProfileContent(displayName, skills, tags, education, yearsExperience, currentCity,
                hometownRegion, willingToReturn, salaryMinFen, salaryMaxFen, resume, null, null, visibility);
    }
}
