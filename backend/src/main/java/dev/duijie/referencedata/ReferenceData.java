package dev.duijie.referencedata;

import dev.duijie.shared.DomainProblem;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Checks that industry and region codes exist, so a bad code is a 400 naming the field, not a 500. */
@Component
public class ReferenceData {

    private final JdbcClient jdbc;

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void requireRegion(String field, String code) {
        if (!exists("region", code)) {
            throw DomainProblem.invalidField(field, "field.region.unknown", code);
        }
    }

    public void requireIndustry(String field, String code) {
        if (!exists("industry", code)) {
            throw DomainProblem.invalidField(field, "field.industry.unknown", code);
        }
    }

    public void requireIndustries(String field, Collection<String> codes) {
        int index = 0;
        for (String code : codes) {
            requireIndustry(field + "[" + index++ + "]", code);
        }
    }

    private boolean exists(String table, String code) {
        // table is one of two constants above, never client input
        return jdbc.sql("select exists (select 1 from " + table + " where code = :code)")
                .param("code", code)
                .query(Boolean.class)
                .single();
    }
}
