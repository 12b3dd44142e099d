package dev.duijie.talent;

import dev.duijie.search.ChineseWords;
import dev.duijie.search.IndexedDocuments;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** How a talent need looks in the matching index: only while open and its enterprise verified. */
@Component
public class TalentNeedDocuments implements IndexedDocuments {

    private final TalentNeeds needs;
    private final ChineseWords chineseWords;

    TalentNeedDocuments(TalentNeeds needs, ChineseWords chineseWords) {
        this.needs = needs;
        this.chineseWords = chineseWords;
    }

    @Override
    public String name() {
        return "talent-needs";
    }

    @Override
    public int mappingVersion() {
        return 1;
    }

    @Override
    public Map<UUID, Current> current(Collection<UUID> ids) {
        return needs.findAll(ids).stream()
                .collect(Collectors.toMap(
                        TalentNeed::id,
                        need -> new Current(
                                need.version(),
                                need.status() == TalentNeedStatus.OPEN && need.organizationVerified()
                                        ? document(need)
                                        : null)));
    }

    @Override
    public List<UUID> candidateIds() {
        return needs.openIds();
    }

    private Map<String, Object> document(TalentNeed need) {
        TalentNeedContent content = need.content();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", need.id().toString());
        document.put("organizationId", need.organizationId().toString());
        document.put("industry", content.industry());
        document.put("region", content.region());
        if (!content.requiredSkills().isEmpty()) {
            document.put("requiredSkills", content.requiredSkills());
            document.put("requiredSkillShare", 1.0 / content.requiredSkills().size());
        }
        if (!content.preferredSkills().isEmpty()) {
            document.put("preferredSkills", content.preferredSkills());
            document.put("preferredSkillShare", 1.0 / content.preferredSkills().size());
        }
        document.put("minEducationRank", content.minEducation().ordinal());
        document.put("minYearsExperience", content.minYearsExperience());
        document.put("salaryMinFen", content.salaryMinFen());
        document.put("salaryMaxFen", content.salaryMaxFen());
        document.put(
                "words",
                chineseWords.segmented(
                        content.title() + " " + (content.description() == null ? "" : content.description())));
        document.put("publishedAt", String.valueOf(need.publishedAt()));
        document.put("version", need.version());
        return document;
    }
}
