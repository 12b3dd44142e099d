package dev.duijie.talent;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an enterprise writes in a talent need. Salaries are monthly, in fen. */
public record TalentNeedContent(
        String title,
        @Nullable String description,
        String industry,
        int headcount,
        List<String> requiredSkills,
        List<String> preferredSkills,
        EducationLevel minEducation,
        int minYearsExperience,
        long salaryMinFen,
        long salaryMaxFen,
        String region,
        @Nullable String benefits,
        List<String> policyTags) {}
