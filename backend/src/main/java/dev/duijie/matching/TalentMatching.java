package dev.duijie.matching;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScore;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import dev.duijie.referencedata.ReferenceData;
import dev.duijie.search.ChineseWords;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Role;
import dev.duijie.shared.Sentences;
import dev.duijie.talent.ProfileView;
import dev.duijie.talent.TalentNeed;
import dev.duijie.talent.TalentNeedContent;
import dev.duijie.talent.TalentNeedDocuments;
import dev.duijie.talent.TalentNeedService;
import dev.duijie.talent.TalentNeedStatus;
import dev.duijie.talent.TalentProfile;
import dev.duijie.talent.TalentProfileContent;
import dev.duijie.talent.TalentProfileDocuments;
import dev.duijie.talent.TalentProfileService;
import dev.duijie.talent.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Talent need → talent profiles and talent profile → talent needs, ranked in Elasticsearch with the weights
 * of {@link TalentScoring}, re-checked against PostgreSQL (hidden profiles, closed needs and ineligible pairs
 * never come back), each with why and the skills the talent lacks. The profile index holds no names and no
 * contact data; what a caller sees of a profile is decided by {@link TalentProfileService}, as anywhere else.
 */
@Service
public class TalentMatching {

    private final MatchIndex index;
    private final TalentProfileDocuments profileDocuments;
    private final TalentNeedDocuments needDocuments;
    private final TalentProfileService profiles;
    private final TalentNeedService needs;
    private final ReferenceData referenceData;
    private final ChineseWords chineseWords;
    private final Sentences sentences;

    TalentMatching(
            MatchIndex index,
            TalentProfileDocuments profileDocuments,
            TalentNeedDocuments needDocuments,
            TalentProfileService profiles,
            TalentNeedService needs,
            ReferenceData referenceData,
            ChineseWords chineseWords,
            Sentences sentences) {
        this.index = index;
        this.profileDocuments = profileDocuments;
        this.needDocuments = needDocuments;
        this.profiles = profiles;
        this.needs = needs;
        this.referenceData = referenceData;
        this.chineseWords = chineseWords;
        this.sentences = sentences;
    }

    public record ProfileMatch(ProfileView profile, double score, List<MatchFactor> why, List<String> missingSkills) {}

    public record NeedMatch(TalentNeed need, double score, List<MatchFactor> why, List<String> missingSkills) {}

    /** For the enterprise that owns the need, and for the talent bureau. */
    public List<ProfileMatch> profilesForNeed(Caller caller, UUID needId, int limit) {
        caller.requireAnyRole(Role.ENTERPRISE, Role.TALENT_BUREAU);
        TalentNeed need = needs.visible(caller, needId)
                .filter(n -> caller.has(Role.TALENT_BUREAU) || caller.belongsTo(n.organizationId()))
                .orElseThrow(() -> new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.talent-need-not-found"));
        TalentNeedContent content = need.content();
        Explainer explain = new Explainer();
        return MatchIndex.asStoredNow(
                        index.search(profileDocuments, profilesQuery(content, words(content)), 2 * limit),
                        ids -> profiles.views(caller, profiles.findAll(ids)).values(),
                        view -> view.profile().id(),
                        view -> view.profile().content().visibility() != Visibility.HIDDEN
                                && TalentScoring.eligible(
                                        content,
                                        view.profile().content(),
                                        profileDocuments.skillsWithGroups(
                                                view.profile().content())),
                        limit)
                .stream()
                .map(found -> {
                    TalentProfileContent talent = found.item().profile().content();
                    TalentScoring.Fit fit = explain.fit(content, talent, profileDocuments.skillsWithGroups(talent));
                    return new ProfileMatch(
                            found.item(), found.score(), withText(fit, found.score(), explain), fit.missingSkills());
                })
                .toList();
    }

    /** For a talent: the open needs that fit their own profile. */
    public List<NeedMatch> needsForMe(Caller caller, int limit) {
        TalentProfile me = profiles.mine(caller);
        TalentProfileContent talent = me.content();
        Set<String> skills = profileDocuments.skillsWithGroups(talent);
        String words = chineseWords.segmented(
                String.join(" ", talent.tags()) + " " + (talent.resume() == null ? "" : talent.resume()));
        Explainer explain = new Explainer();
        return MatchIndex.asStoredNow(
                        index.search(needDocuments, needsQuery(talent, skills, words), 2 * limit),
                        needs::findAll,
                        TalentNeed::id,
                        need -> need.status() == TalentNeedStatus.OPEN
                                && need.organizationVerified()
                                && TalentScoring.eligible(need.content(), talent, skills),
                        limit)
                .stream()
                .map(found -> {
                    TalentScoring.Fit fit = explain.fit(found.item().content(), talent, skills);
                    return new NeedMatch(
                            found.item(), found.score(), withText(fit, found.score(), explain), fit.missingSkills());
                })
                .toList();
    }

    /** Hard rules as filters; every factor of {@link TalentScoring} as a function with its weight. */
    static Query profilesQuery(TalentNeedContent need, String words) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(f -> f.range(r -> r.untyped(u ->
                u.field("educationRank").gte(JsonData.of(need.minEducation().ordinal())))));
        if (!need.requiredSkills().isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field("skills").terms(v -> v.value(values(need.requiredSkills())))));
        }
        textShould(bool, words);
        List<FunctionScore> functions = new ArrayList<>();
        if (need.requiredSkills().isEmpty()) {
            functions.add(FunctionScore.of(f -> f.weight(TalentScoring.REQUIRED_SKILLS_WEIGHT)));
        }
        for (String skill : need.requiredSkills()) {
            functions.add(when(
                    Query.of(q -> q.term(t -> t.field("skills").value(skill))),
                    TalentScoring.REQUIRED_SKILLS_WEIGHT / need.requiredSkills().size()));
        }
        for (String skill : need.preferredSkills()) {
            functions.add(when(
                    Query.of(q -> q.term(t -> t.field("skills").value(skill))),
                    TalentScoring.PREFERRED_SKILLS_WEIGHT
                            / need.preferredSkills().size()));
        }
        functions.add(when(
                Query.of(q -> q.term(t -> t.field("fromCounty").value(true))), TalentScoring.HOMETOWN_WEIGHT));
        functions.add(when(
                Query.of(q -> q.term(t -> t.field("willingToReturn").value(true))), TalentScoring.RETURN_WEIGHT));
        functions.add(when(
                Query.of(q -> q.range(
                        r -> r.untyped(u -> u.field("yearsExperience").gte(JsonData.of(need.minYearsExperience()))))),
                TalentScoring.EXPERIENCE_WEIGHT));
        functions.add(when(salaryOverlap(need.salaryMinFen(), need.salaryMaxFen()), TalentScoring.SALARY_WEIGHT));
        return sum(bool, functions);
    }

    /**
     * The mirror image: a need's required-skill factor is the weight times the share of its required skills
     * the talent has, which is the sum over the talent's skills of the need's per-skill share.
     */
    static Query needsQuery(TalentProfileContent talent, Set<String> skills, String words) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(f -> f.range(r -> r.untyped(u ->
                u.field("minEducationRank").lte(JsonData.of(talent.education().ordinal())))));
        bool.filter(f -> f.bool(b -> b.minimumShouldMatch("1")
                .should(s -> s.terms(t -> t.field("requiredSkills").terms(v -> v.value(values(skills)))))
                .should(s -> s.bool(none -> none.mustNot(m -> m.exists(e -> e.field("requiredSkills")))))));
        textShould(bool, words);
        List<FunctionScore> functions = new ArrayList<>();
        functions.add(when(
                Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("requiredSkills"))))),
                TalentScoring.REQUIRED_SKILLS_WEIGHT));
        for (String skill : skills) {
            functions.add(share(
                    Query.of(q -> q.term(t -> t.field("requiredSkills").value(skill))),
                    "requiredSkillShare",
                    TalentScoring.REQUIRED_SKILLS_WEIGHT));
            functions.add(share(
                    Query.of(q -> q.term(t -> t.field("preferredSkills").value(skill))),
                    "preferredSkillShare",
                    TalentScoring.PREFERRED_SKILLS_WEIGHT));
        }
        if (talent.hometownRegion() != null) {
            functions.add(FunctionScore.of(f -> f.weight(TalentScoring.HOMETOWN_WEIGHT)));
        }
        if (talent.willingToReturn()) {
            functions.add(FunctionScore.of(f -> f.weight(TalentScoring.RETURN_WEIGHT)));
        }
        functions.add(when(
                Query.of(q -> q.range(
                        r -> r.untyped(u -> u.field("minYearsExperience").lte(JsonData.of(talent.yearsExperience()))))),
                TalentScoring.EXPERIENCE_WEIGHT));
        functions.add(when(salaryOverlap(talent.salaryMinFen(), talent.salaryMaxFen()), TalentScoring.SALARY_WEIGHT));
        return sum(bool, functions);
    }

    private static Query salaryOverlap(long min, long max) {
        return Query.of(q -> q.bool(b -> b.filter(f ->
                        f.range(r -> r.untyped(u -> u.field("salaryMinFen").lte(JsonData.of(max)))))
                .filter(f -> f.range(r -> r.untyped(u -> u.field("salaryMaxFen").gte(JsonData.of(min)))))));
    }

    private static void textShould(BoolQuery.Builder bool, String words) {
        if (!words.isBlank()) {
            bool.should(s -> s.match(m -> m.field("words").query(words).boost(TalentScoring.TEXT_BOOST)));
        }
    }

    private static FunctionScore when(Query filter, double weight) {
        return FunctionScore.of(f -> f.filter(filter).weight(weight));
    }

    private static FunctionScore share(Query filter, String shareField, double weight) {
        return FunctionScore.of(f -> f.filter(filter)
                .weight(weight)
                .fieldValueFactor(v -> v.field(shareField).missing(0.0)));
    }

    private static Query sum(BoolQuery.Builder bool, List<FunctionScore> functions) {
        Query eligible = Query.of(q -> q.bool(bool.build()));
        return Query.of(q -> q.functionScore(fs -> fs.query(eligible)
                .functions(functions)
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Sum)));
    }

    private static List<FieldValue> values(java.util.Collection<String> codes) {
        return codes.stream().map(FieldValue::of).toList();
    }

    private String words(TalentNeedContent need) {
        return chineseWords.segmented(need.title() + " " + (need.description() == null ? "" : need.description()));
    }

    /** The fit's factors plus, when the words matched, what the text added (the rest of Elasticsearch's score). */
    private static List<MatchFactor> withText(TalentScoring.Fit fit, double score, Explainer explain) {
        double text = score - fit.score();
        if (text <= 0.001) {
            return fit.why();
        }
        List<MatchFactor> why = new ArrayList<>(fit.why());
        why.add(why.size() - 1, new MatchFactor("text", text, explain.say("match.talent.text")));
        return why;
    }

    /** Sentences in the caller's language; every region of the county counts as home for hometown ties. */
    private final class Explainer {

        private final Locale locale = LocaleContextHolder.getLocale();
        private final Set<String> county = Set.copyOf(referenceData.list(ReferenceData.Vocabulary.REGION).stream()
                .map(ReferenceData.NamedCode::code)
                .toList());

        TalentScoring.Fit fit(TalentNeedContent need, TalentProfileContent talent, Set<String> skills) {
            return TalentScoring.fit(
                    need,
                    talent,
                    skills,
                    county,
                    "match.talent.hometown-county",
                    code -> referenceData.name(ReferenceData.Vocabulary.REGION, code, locale),
                    this::say);
        }

        String say(String key, Object... args) {
            return sentences.say(key, locale, args);
        }
    }
}
