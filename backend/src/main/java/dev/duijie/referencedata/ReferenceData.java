package dev.duijie.referencedata;

import dev.duijie.shared.DomainProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The county's reference data, kept in migrations. Checks that codes exist, so a bad code is a 400 naming
 * the field, not a 500.
 */
@Component
public class ReferenceData {

    /** Each vocabulary and the table holding it (never client input). */
    public enum Vocabulary {
        INDUSTRY("industry"),
        REGION("region"),
        COLLATERAL_TYPE("collateral_type"),
        ENTERPRISE_TIER("enterprise_tier"),
        ENTERPRISE_FLAG("enterprise_flag"),
        SKILL("skill"),
        EDUCATION_LEVEL("education_level");

        private final String table;

        Vocabulary(String table) {
            this.table = table;
        }
    }

    /** A code with its Chinese and English names; industries and regions nest under a parent. */
    public record NamedCode(String code, @Nullable String parentCode, String nameZh, String nameEn) {}

    private final JdbcClient jdbc;
    private final Map<Vocabulary, Loaded> loaded = new ConcurrentHashMap<>();

    /** A vocabulary as read: in display order, and by code for the lookups matching makes on every query. */
    private record Loaded(List<NamedCode> inOrder, Map<String, NamedCode> byCode) {

        static Loaded of(List<NamedCode> inOrder) {
            return new Loaded(
                    List.copyOf(inOrder),
                    inOrder.stream().collect(Collectors.toUnmodifiableMap(NamedCode::code, entry -> entry)));
        }
    }

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A vocabulary in its display order. Read once per process: vocabularies change only through
     * migrations, which run before the application serves, and matching walks them on every query.
     */
    public List<NamedCode> list(Vocabulary vocabulary) {
        return load(vocabulary).inOrder();
    }

    /**
     * The code and everything above it (a town and the county; cured-pork and food-processing): an offer for
     * the county or for food processing covers it. Empty for an unknown code.
     */
    public List<String> withAncestors(Vocabulary vocabulary, String code) {
        Map<String, NamedCode> byCode = byCode(vocabulary);
        List<String> up = new ArrayList<>();
        for (NamedCode at = byCode.get(code);
                at != null && !up.contains(at.code());
                at = at.parentCode() == null ? null : byCode.get(at.parentCode())) {
            up.add(at.code());
        }
        return up;
    }

    /** The codes and everything below them: the requests an offer for these codes covers. */
    public List<String> withDescendants(Vocabulary vocabulary, Collection<String> codes) {
        Set<String> down = new LinkedHashSet<>();
        for (String code : codes) {
            if (byCode(vocabulary).containsKey(code)) {
                down.add(code);
            }
        }
        boolean grew = !down.isEmpty();
        while (grew) {
            grew = false;
            for (NamedCode entry : list(vocabulary)) {
                if (entry.parentCode() != null && down.contains(entry.parentCode())) {
                    grew |= down.add(entry.code());
                }
            }
        }
        return List.copyOf(down);
    }

    /** A code's name in the language of {@code locale} (Chinese or English); the code itself if unknown. */
    public String name(Vocabulary vocabulary, String code, Locale locale) {
        NamedCode named = byCode(vocabulary).get(code);
        if (named == null) {
            return code;
        }
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? named.nameZh() : named.nameEn();
    }

    public void requireRegion(String field, String code) {
        if (!exists(Vocabulary.REGION, code)) {
            throw DomainProblem.invalidField(field, "field.region.unknown", code);
        }
    }

    public void requireIndustry(String field, String code) {
        if (!exists(Vocabulary.INDUSTRY, code)) {
            throw DomainProblem.invalidField(field, "field.industry.unknown", code);
        }
    }

    public void requireIndustries(String field, Collection<String> codes) {
        int index = 0;
        for (String code : codes) {
            requireIndustry(field + "[" + index++ + "]", code);
        }
    }

    public void requireSkill(String field, String code) {
        if (!exists(Vocabulary.SKILL, code)) {
            throw DomainProblem.invalidField(field, "field.skill.unknown", code);
        }
    }

    public void requireSkills(String field, Collection<String> codes) {
        int index = 0;
        for (String code : codes) {
            requireSkill(field + "[" + index++ + "]", code);
        }
    }

    public void requireRegions(String field, Collection<String> codes) {
        int index = 0;
        for (String code : codes) {
            requireRegion(field + "[" + index++ + "]", code);
        }
    }

    private boolean exists(Vocabulary vocabulary, String code) {
        return byCode(vocabulary).containsKey(code);
    }

    private Map<String, NamedCode> byCode(Vocabulary vocabulary) {
        return load(vocabulary).byCode();
    }

    private Loaded load(Vocabulary vocabulary) {
        return loaded.computeIfAbsent(
                vocabulary,
                v -> Loaded.of(jdbc.sql("select code, parent_code, name_zh, name_en from " + v.table
                                + " order by position, code")
                        .query((rs, n) -> new NamedCode(
                                rs.getString("code"),
                                rs.getString("parent_code"),
                                rs.getString("name_zh"),
                                rs.getString("name_en")))
                        .list()));
    }
}
