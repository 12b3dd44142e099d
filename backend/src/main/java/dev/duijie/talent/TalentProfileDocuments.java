package dev.duijie.talent;

import dev.duijie.referencedata.ReferenceData;
import dev.duijie.search.ChineseWords;
import dev.duijie.search.IndexedDocuments;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * How a talent profile looks in the matching index: only while not hidden, and never with the name or
 * contact data (those stay in PostgreSQL, where the access rules are).
 */
@Component
public class TalentProfileDocuments implements IndexedDocuments {

    private final TalentProfiles profiles;
    private final ReferenceData referenceData;
    private final ChineseWords chineseWords;

    TalentProfileDocuments(TalentProfiles profiles, ReferenceData referenceData, ChineseWords chineseWords) {
        this.profiles = profiles;
        this.referenceData = referenceData;
        this.chineseWords = chineseWords;
    }

    @Override
    public String name() {
        return "talent-profiles";
    }

    @Override
    public int mappingVersion() {
        return 1;
    }

    @Override
    public Map<UUID, Current> current(Collection<UUID> ids) {
        return profiles.findAll(ids).stream()
                .collect(Collectors.toMap(
                        TalentProfile::id,
                        profile -> new Current(
                                profile.version(),
                                profile.content().visibility() == Visibility.HIDDEN ? null : document(profile))));
    }

    @Override
    public List<UUID> candidateIds() {
        return profiles.visibleIds();
    }

    /** A talent's skills with the groups above them: a need asking for a group is met by any skill in it. */
    public Set<String> skillsWithGroups(TalentProfileContent talent) {
        Set<String> skills = new LinkedHashSet<>();
        for (String skill : talent.skills()) {
            skills.addAll(referenceData.withAncestors(ReferenceData.Vocabulary.SKILL, skill));
        }
        return skills;
    }

    private Map<String, Object> document(TalentProfile profile) {
        TalentProfileContent talent = profile.content();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", profile.id().toString());
        document.put("skills", List.copyOf(skillsWithGroups(talent)));
        document.put("educationRank", talent.education().ordinal());
        document.put("yearsExperience", talent.yearsExperience());
        if (talent.hometownRegion() != null) {
            document.put(
                    "hometownRegions",
                    referenceData.withAncestors(ReferenceData.Vocabulary.REGION, talent.hometownRegion()));
        }
        document.put("fromCounty", talent.hometownRegion() != null);
        document.put("willingToReturn", talent.willingToReturn());
        document.put("salaryMinFen", talent.salaryMinFen());
        document.put("salaryMaxFen", talent.salaryMaxFen());
        document.put(
                "words",
                chineseWords.segmented(
                        String.join(" ", talent.tags()) + " " + (talent.resume() == null ? "" : talent.resume())));
        document.put("version", profile.version());
        return document;
    }
}
