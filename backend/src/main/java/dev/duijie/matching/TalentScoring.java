package dev.duijie.matching;

import dev.duijie.talent.TalentNeedContent;
import dev.duijie.talent.TalentProfileContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How a talent fits a need, for matching both ways and for campaign candidates. Hard rules: education at
 * least the need's minimum, and at least one of its required skills (a skill group is met by any skill in
 * it). The rest ranks: the share of required skills met weighs most, then preferred skills, hometown ties,
 * experience and salary. Elasticsearch computes the same sum with these weights (see {@link TalentMatching}).
 */
public final class TalentScoring {

    static final double REQUIRED_SKILLS_WEIGHT = 3.0;
    static final double PREFERRED_SKILLS_WEIGHT = 1.0;
    static final double HOMETOWN_WEIGHT = 1.0;
    static final double RETURN_WEIGHT = 0.5;
    static final double EXPERIENCE_WEIGHT = 0.5;
    static final double SALARY_WEIGHT = 0.5;
    /** Words of the need in the talent's résumé and tags (BM25, as Elasticsearch scores it). */
    static final float TEXT_BOOST = 0.2f;

    /** A scored talent–need pair: the factors that fired, their sum, and the need's skills the talent lacks. */
    public record Fit(double score, List<MatchFactor> why, List<String> missingSkills) {}

    private TalentScoring() {}

    /**
     * @param skills     the talent's skills with the groups above them
     */
    public static boolean eligible(TalentNeedContent need, TalentProfileContent talent, Set<String> skills) {
        return talent.education().meets(need.minEducation())
                && (need.requiredSkills().isEmpty()
                        || need.requiredSkills().stream().anyMatch(skills::contains));
    }

    /**
     * @param skills      the talent's skills with the groups above them
     * @param homeRegions regions whose talents rank up for hometown ties (the county and its towns, or a
     *                    campaign's target regions)
     * @param hometownKey the sentence for that tie (from the county, or from a campaign's target region)
     * @param regionName  a region code → its name in the caller's language
     * @param say         a message key and its arguments → a sentence in the caller's language
     */
    public static Fit fit(
            TalentNeedContent need,
            TalentProfileContent talent,
            Set<String> skills,
            Set<String> homeRegions,
            String hometownKey,
            Function<String, String> regionName,
            BiFunction<String, Object[], String> say) {
        List<MatchFactor> why = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        need.requiredSkills().stream().filter(skill -> !skills.contains(skill)).forEach(missing::add);
        int required = need.requiredSkills().size();
        if (required == 0) {
            why.add(new MatchFactor(
                    "required-skills",
                    REQUIRED_SKILLS_WEIGHT,
                    say.apply("match.talent.no-required-skills", new Object[0])));
        } else {
            int met = required - missing.size();
            why.add(new MatchFactor(
                    "required-skills",
                    REQUIRED_SKILLS_WEIGHT * met / required,
                    say.apply("match.talent.required-skills", new Object[] {met, required})));
        }
        int preferred = need.preferredSkills().size();
        if (preferred > 0) {
            List<String> lacking = need.preferredSkills().stream()
                    .filter(skill -> !skills.contains(skill))
                    .toList();
            missing.addAll(lacking);
            int met = preferred - lacking.size();
            why.add(new MatchFactor(
                    "preferred-skills",
                    PREFERRED_SKILLS_WEIGHT * met / preferred,
                    say.apply("match.talent.preferred-skills", new Object[] {met, preferred})));
        }
        if (talent.hometownRegion() != null && homeRegions.contains(talent.hometownRegion())) {
            why.add(new MatchFactor("hometown", HOMETOWN_WEIGHT, say.apply(hometownKey, new Object[] {
                regionName.apply(talent.hometownRegion())
            })));
        }
        if (talent.willingToReturn()) {
            why.add(new MatchFactor("return", RETURN_WEIGHT, say.apply("match.talent.return", new Object[0])));
        }
        if (talent.yearsExperience() >= need.minYearsExperience()) {
            why.add(new MatchFactor("experience", EXPERIENCE_WEIGHT, say.apply("match.talent.experience", new Object[] {
                talent.yearsExperience(), need.minYearsExperience()
            })));
        }
        if (talent.salaryMinFen() <= need.salaryMaxFen() && need.salaryMinFen() <= talent.salaryMaxFen()) {
            why.add(new MatchFactor("salary", SALARY_WEIGHT, say.apply("match.talent.salary", new Object[0])));
        }
        why.add(new MatchFactor("education", 0, say.apply("match.talent.education", new Object[0])));
        return new Fit(why.stream().mapToDouble(MatchFactor::contribution).sum(), why, missing);
    }
}
