package dev.duijie.talent;

import dev.duijie.shared.Columns;
import dev.duijie.shared.SqlArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Talent profiles in PostgreSQL, one per Keycloak user. */
@Repository
class TalentProfiles {

    private static final String SELECT = """
            select id, subject, display_name, skills, tags, education, years_experience, current_city, hometown_region,
                   willing_to_return, salary_min_fen, salary_max_fen, resume, phone, email, visibility, version,
                   created_at, updated_at
            from talent_profile
            """;

    private final JdbcClient jdbc;

    TalentProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TalentProfile> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(TalentProfiles::map)
                .optional();
    }

    Optional<TalentProfile> findBySubject(String subject) {
        return jdbc.sql(SELECT + " where subject = :subject")
                .param("subject", subject)
                .query(TalentProfiles::map)
                .optional();
    }

    /** Ids of the profiles that are not hidden: what the matching index holds. */
    List<UUID> visibleIds() {
        return jdbc.sql("select id from talent_profile where visibility <> 'hidden'")
                .query(Columns::id)
                .list();
    }

    List<TalentProfile> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where id in (:ids)")
                .param("ids", ids)
                .query(TalentProfiles::map)
                .list();
    }

    /**
     * Profiles a campaign may invite, most skilled first: not hidden; from one of the hometown regions or
     * willing to return; with at least one of the skills.
     */
    List<TalentProfile> returnees(Collection<String> hometownRegions, Collection<String> skills, int limit) {
        return jdbc.sql(SELECT + """
                 where visibility <> 'hidden'
                   and (hometown_region = any(cast(:regions as text[])) or willing_to_return)
                   and skills && cast(:skills as text[])
                 order by cardinality(array(select unnest(skills) intersect select unnest(cast(:skills as text[])))) desc,
                          updated_at desc, id
                 limit :limit""")
                .param("regions", hometownRegions.toArray(String[]::new))
                .param("skills", skills.toArray(String[]::new))
                .param("limit", limit)
                .query(TalentProfiles::map)
                .list();
    }

    /** Creates the user's profile unless one exists (a concurrent first save); returns whether it did. */
    boolean insert(UUID id, String subject, TalentProfileContent content, Instant now) {
        return jdbc.sql("""
                insert into talent_profile (id, subject, display_name, skills, tags, education, years_experience,
                    current_city, hometown_region, willing_to_return, salary_min_fen, salary_max_fen, resume, phone,
                    email, visibility, created_at, updated_at)
                values (:id, :subject, :displayName, :skills, :tags, :education, :yearsExperience, :currentCity,
                    :hometownRegion, :willingToReturn, :salaryMinFen, :salaryMaxFen, :resume, :phone, :email,
                    :visibility, :now, :now)
                on conflict (subject) do nothing""")
                        .param("id", id)
                        .param("subject", subject)
                        .params(contentParams(content))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Replaces the content if still at {@code version}; returns whether it did. */
    boolean update(UUID id, long version, TalentProfileContent content, Instant now) {
        return jdbc.sql("""
                update talent_profile
                set display_name = :displayName, skills = :skills, tags = :tags, education = :education,
                    years_experience = :yearsExperience, current_city = :currentCity, hometown_region = :hometownRegion,
                    willing_to_return = :willingToReturn, salary_min_fen = :salaryMinFen, salary_max_fen = :salaryMaxFen,
                    resume = :resume, phone = :phone, email = :email, visibility = :visibility,
                    version = version + 1, updated_at = :now
                where id = :id and version = :version""")
                        .params(contentParams(content))
                        .param("id", id)
                        .param("version", version)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    private static Map<String, Object> contentParams(TalentProfileContent content) {
        Map<String, Object> params = new HashMap<>();
        params.put("displayName", content.displayName());
        params.put("skills", content.skills().toArray(String[]::new));
        params.put("tags", content.tags().toArray(String[]::new));
        params.put("education", content.education().code());
        params.put("yearsExperience", content.yearsExperience());
        params.put("currentCity", content.currentCity());
        params.put("hometownRegion", content.hometownRegion());
        params.put("willingToReturn", content.willingToReturn());
        params.put("salaryMinFen", content.salaryMinFen());
        params.put("salaryMaxFen", content.salaryMaxFen());
        params.put("resume", content.resume());
        params.put("phone", content.phone());
        params.put("email", content.email());
        params.put("visibility", content.visibility().name().toLowerCase(Locale.ROOT));
        return params;
    }

    static TalentProfile map(ResultSet rs, int row) throws SQLException {
        TalentProfileContent content = new TalentProfileContent(
                rs.getString("display_name"),
                SqlArrays.strings(rs.getArray("skills")),
                SqlArrays.strings(rs.getArray("tags")),
                EducationLevel.fromCode(rs.getString("education")),
                rs.getInt("years_experience"),
                rs.getString("current_city"),
                rs.getString("hometown_region"),
                rs.getBoolean("willing_to_return"),
                rs.getLong("salary_min_fen"),
                rs.getLong("salary_max_fen"),
                rs.getString("resume"),
                rs.getString("phone"),
                rs.getString("email"),
                Visibility.valueOf(rs.getString("visibility").toUpperCase(Locale.ROOT)));
        return new TalentProfile(
                rs.getObject("id", UUID.class),
                rs.getString("subject"),
                content,
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
