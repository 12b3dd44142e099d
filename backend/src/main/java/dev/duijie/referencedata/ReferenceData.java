package dev.duijie.referencedata;

import dev.duijie.shared.DomainProblem;
import java.util.Collection;
import java.util.List;
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
        INDUSTRY("industry"), REGION("region"), COLLATERAL_TYPE("collateral_type"),
        ENTERPRISE_TIER("enterprise_tier"), ENTERPRISE_FLAG("enterprise_flag");

        private final String table;

        Vocabulary(String table) {
            this.table = table;
        }
    }

    /** A code with its Chinese and English names; industries and regions nest under a parent. */
    public record NamedCode(String code, @Nullable String parentCode, String nameZh, String nameEn) {
    }

    private final JdbcClient jdbc;

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<NamedCode> list(Vocabulary vocabulary) {
        return jdbc.sql("select code, parent_code, name_zh, name_en from " + vocabulary.table + " order by position, code")
                .query((rs, n) -> new NamedCode(rs.getString("code"), rs.getString("parent_code"),
                        rs.getString("name_zh"), rs.getString("name_en")))
                .list();
    }

    /**
     * The code and everything above it (a town and the county; cured-pork and food-processing): an offer for
     * the county or for food processing covers it.
     */
    public List<String> withAncestors(Vocabulary vocabulary, String code) {
        return jdbc.sql("with recursive up(code, parent_code) as ("
                        + " select code, parent_code from " + vocabulary.table + " where code = :code"
                        + " union select v.code, v.parent_code from " + vocabulary.table + " v join up on v.code = up.parent_code)"
                        + " select code from up")
                .param("code", code)
                .query(String.class)
                .list();
    }

    /** The codes and everything below them: the requests an offer for these codes covers. */
    public List<String> withDescendants(Vocabulary vocabulary, Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("with recursive down(code) as ("
                        + " select code from " + vocabulary.table + " where code in (:codes)"
                        + " union select v.code from " + vocabulary.table + " v join down on v.parent_code = down.code)"
                        + " select code from down")
                .param("codes", codes)
                .query(String.class)
                .list();
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

    public void requireRegions(String field, Collection<String> codes) {
        int index = 0;
        for (String code : codes) {
            requireRegion(field + "[" + index++ + "]", code);
        }
    }

    private boolean exists(Vocabulary vocabulary, String code) {
        return jdbc.sql("select exists (select 1 from " + vocabulary.table + " where code = :code)")
                .param("code", code)
                .query(Boolean.class)
                .single();
    }
}
