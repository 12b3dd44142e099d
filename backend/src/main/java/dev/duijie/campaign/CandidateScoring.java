package dev.duijie.campaign;

import dev.duijie.matching.MatchFactor;
import dev.duijie.talent.TalentNeedContent;
import dev.duijie.talent.TalentProfileContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How a talent fits a campaign's need. Education below the need's minimum rules a talent out; the rest
 * ranks: the share of required skills the talent has (a skill group is met by any skill in it) weighs most,
 * then preferred skills, hometown ties, experience and salary.
 */
final class CandidateScoring {

    static final double REQUIRED_SKILLS_WEIGHT = 3.0;
    static final double PREFERRED_SKILLS_WEIGHT = 1.0;
    static final double HOMETOWN_WEIGHT = 1.0;
    static final double RETURN_WEIGHT = 0.5;
    static final double EXPERIENCE_WEIGHT = 0.5;
    static final double SALARY_WEIGHT = 0.5;

    /** A scored candidate: the factors that fired and the required skills it lacks. */
    record Fit(double score, List<MatchFactor> why, List<String> missingSkills) {
    }

    private CandidateScoring() {
    }

    /**
     * @param coveredBy       each of the need's skills with the skills that meet it (itself and those under it)
     * @param targetRegions   the campaign's target regions with the towns under them
     * @param regionName      a region code → its name in the caller's language
     * @param say             a message key and its arguments → a sentence in the caller's language
     */
    static Fit fit(TalentNeedContent need, TalentProfileContent talent, Map<String, Set<String>> coveredBy,
            Set<String> targetRegions, Function<String, String> regionName, BiFunction<String, Object[], String> say) {
        List<MatchFactor> why = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int required = need.requiredSkills().size();
        for (String skill : need.requiredSkills()) {
            if (!has(talent, coveredBy.getOrDefault(skill, Set.of(skill)))) {
                missing.add(skill);
            }
        }
        if (required == 0) {
            why.add(new MatchFactor("required-skills", REQUIRED_SKILLS_WEIGHT, say.apply("match.talent.no-required-skills", new Object[0])));
        } else {
            int met = required - missing.size();
            why.add(new MatchFactor("required-skills", REQUIRED_SKILLS_WEIGHT * met / required,
                    say.apply("match.talent.required-skills", new Object[] {met, required})));
        }
        int preferred = need.preferredSkills().size();
        if (preferred > 0) {
            long met = need.preferredSkills().stream()
                    .filter(skill -> has(talent, coveredBy.getOrDefault(skill, Set.of(skill)))).count();
            why.add(new MatchFactor("preferred-skills", PREFERRED_SKILLS_WEIGHT * met / preferred,
                    say.apply("match.talent.preferred-skills", new Object[] {met, preferred})));
        }
        if (talent.hometownRegion() != null && targetRegions.contains(talent.hometownRegion())) {
            why.add(new MatchFactor("hometown", HOMETOWN_WEIGHT,
                    say.apply("match.talent.hometown", new Object[] {regionName.apply(talent.hometownRegion())})));
        }
        if (talent.willingToReturn()) {
            why.add(new MatchFactor("return", RETURN_WEIGHT, say.apply("match.talent.return", new Object[0])));
        }
        if (talent.yearsExperience() >= need.minYearsExperience()) {
            why.add(new MatchFactor("experience", EXPERIENCE_WEIGHT, say.apply("match.talent.experience",
                    new Object[] {talent.yearsExperience(), need.minYearsExperience()})));
        }
        if (talent.salaryMinFen() <= need.salaryMaxFen() && need.salaryMinFen() <= talent.salaryMaxFen()) {
            why.add(new MatchFactor("salary", SALARY_WEIGHT, say.apply("match.talent.salary", new Object[0])));
        }
        why.add(new MatchFactor("education", 0, say.apply("match.talent.education", new Object[0])));
        double score = why.stream().mapToDouble(MatchFactor::contribution).sum();
        return new Fit(score, why, missing);
    }

    /** The hard rule: education at least the need's minimum. */
    static boolean eligible(TalentNeedContent need, TalentProfileContent talent) {
        return talent.education().meets(need.minEducation());
    }

    private static boolean has(TalentProfileContent talent, Set<String> anyOf) {
        return talent.skills().stream().anyMatch(anyOf::contains);
    }
}
