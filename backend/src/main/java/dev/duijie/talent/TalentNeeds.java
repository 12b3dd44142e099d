package dev.duijie.talent;

import dev.duijie.shared.Columns;
import dev.duijie.shared.PageCursor;
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
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Talent needs in PostgreSQL. Updates are conditional on the version read (optimistic locking). */
@Repository
class TalentNeeds {

    private static final String SELECT = """
            select n.id, n.organization_id, o.name as organization_name, o.verified as organization_verified,
                   n.status, n.title, n.description, n.industry, n.headcount, n.open_headcount, n.required_skills,
                   n.preferred_skills, n.min_education, n.min_years_experience, n.salary_min_fen, n.salary_max_fen,
                   n.region, n.benefits, n.policy_tags, n.published_at, n.closed_at, n.version, n.created_at,
                   n.updated_at
            from talent_need n join organization_directory o on o.id = n.organization_id
            """;

    private final JdbcClient jdbc;

    TalentNeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TalentNeed> find(UUID id) {
        return jdbc.sql(SELECT + " where n.id = :id")
                .param("id", id)
                .query(TalentNeeds::map)
                .optional();
    }

    /** Ids of the open needs of verified enterprises: what the matching index holds. */
    List<UUID> openIds() {
        return jdbc.sql("""
                select n.id from talent_need n join organization_directory o on o.id = n.organization_id
                where n.status = 'open' and o.verified""").query(Columns::id).list();
    }

    List<TalentNeed> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where n.id in (:ids)")
                .param("ids", ids)
                .query(TalentNeeds::map)
                .list();
    }

    /** The need locked for the caller's transaction: a hire, an application and a close wait for each other. */
    Optional<TalentNeed> lock(UUID id) {
        return jdbc.sql(SELECT + " where n.id = :id for update of n")
                .param("id", id)
                .query(TalentNeeds::map)
                .optional();
    }

    List<TalentNeed> ownNewestFirst(
            UUID organizationId, @Nullable TalentNeedStatus status, @Nullable PageCursor after, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("organizationId", organizationId);
        StringBuilder sql = new StringBuilder(SELECT).append(" where n.organization_id = :organizationId");
        if (status != null) {
            sql.append(" and n.status = :status");
            params.put("status", dbValue(status));
        }
        return page(sql, params, "n.created_at", after, limit);
    }

    /** Open needs of verified enterprises, newest first; either filter may be empty (meaning any). */
    List<TalentNeed> openNewestFirst(
            Collection<String> skills, Collection<String> regions, @Nullable PageCursor after, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" where n.status = 'open' and o.verified");
        if (!skills.isEmpty()) {
            sql.append(
                    " and (n.required_skills && cast(:skills as text[]) or n.preferred_skills && cast(:skills as text[]))");
            params.put("skills", skills.toArray(String[]::new));
        }
        if (!regions.isEmpty()) {
            sql.append(" and n.region in (:regions)");
            params.put("regions", regions);
        }
        return page(sql, params, "n.published_at", after, limit);
    }

    private List<TalentNeed> page(
            StringBuilder sql, Map<String, Object> params, String orderColumn, @Nullable PageCursor after, int limit) {
        PageCursor.newestFirst(sql, params, orderColumn, "n.id", after, limit);
        return jdbc.sql(sql.toString()).params(params).query(TalentNeeds::map).list();
    }

    void insert(UUID id, UUID organizationId, TalentNeedContent content, Instant now, String createdBy) {
        jdbc.sql("""
                insert into talent_need (id, organization_id, status, title, description, industry, headcount, open_headcount,
                    required_skills, preferred_skills, min_education, min_years_experience, salary_min_fen,
                    salary_max_fen, region, benefits, policy_tags, created_at, updated_at, created_by)
                values (:id, :organizationId, 'draft', :title, :description, :industry, :headcount, :headcount, :requiredSkills,
                    :preferredSkills, :minEducation, :minYearsExperience, :salaryMinFen, :salaryMaxFen, :region,
                    :benefits, :policyTags, :now, :now, :createdBy)""")
                .param("id", id)
                .param("organizationId", organizationId)
                .params(contentParams(content))
                .param("now", Timestamp.from(now))
                .param("createdBy", createdBy)
                .update();
    }

    /** Replaces a draft's content (and so its open places) if still at {@code version}; returns whether it did. */
    boolean updateDraft(UUID id, long version, TalentNeedContent content, Instant now) {
        return jdbc.sql("""
                update talent_need
                set title = :title, description = :description, industry = :industry, headcount = :headcount, open_headcount = :headcount,
                    required_skills = :requiredSkills, preferred_skills = :preferredSkills, min_education = :minEducation,
                    min_years_experience = :minYearsExperience, salary_min_fen = :salaryMinFen,
                    salary_max_fen = :salaryMaxFen, region = :region, benefits = :benefits, policy_tags = :policyTags,
                    version = version + 1, updated_at = :now
                where id = :id and version = :version and status = 'draft'""")
                        .params(contentParams(content))
                        .param("id", id)
                        .param("version", version)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Moves {@code from} → {@code to} if still at {@code version}; returns whether it did. */
    boolean changeStatus(UUID id, long version, TalentNeedStatus from, TalentNeedStatus to, Instant now) {
        return jdbc.sql("""
                update talent_need
                set status = :to, version = version + 1, updated_at = :now,
                    published_at = case when :to = 'open' then :now else published_at end,
                    closed_at = case when :to in ('closed', 'filled') then :now else closed_at end
                where id = :id and version = :version and status = :from""")
                        .param("id", id)
                        .param("version", version)
                        .param("from", dbValue(from))
                        .param("to", dbValue(to))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** A hire takes one open place of a locked, open need; the last one fills it. */
    void takePlace(UUID id, Instant now) {
        jdbc.sql("""
                update talent_need
                set open_headcount = open_headcount - 1,
                    status = case when open_headcount = 1 then 'filled' else status end,
                    closed_at = case when open_headcount = 1 then :now else closed_at end,
                    version = version + 1, updated_at = :now
                where id = :id and status = 'open' and open_headcount > 0""").param("id", id).param("now", Timestamp.from(now)).update();
    }

    private static Map<String, Object> contentParams(TalentNeedContent content) {
        Map<String, Object> params = new HashMap<>();
        params.put("title", content.title());
        params.put("description", content.description());
        params.put("industry", content.industry());
        params.put("headcount", content.headcount());
        params.put("requiredSkills", content.requiredSkills().toArray(String[]::new));
        params.put("preferredSkills", content.preferredSkills().toArray(String[]::new));
        params.put("minEducation", content.minEducation().code());
        params.put("minYearsExperience", content.minYearsExperience());
        params.put("salaryMinFen", content.salaryMinFen());
        params.put("salaryMaxFen", content.salaryMaxFen());
        params.put("region", content.region());
        params.put("benefits", content.benefits());
        params.put("policyTags", content.policyTags().toArray(String[]::new));
        return params;
    }

    static String dbValue(TalentNeedStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static TalentNeed map(ResultSet rs, int row) throws SQLException {
        TalentNeedContent content = new TalentNeedContent(
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("industry"),
                rs.getInt("headcount"),
                SqlArrays.strings(rs.getArray("required_skills")),
                SqlArrays.strings(rs.getArray("preferred_skills")),
                EducationLevel.fromCode(rs.getString("min_education")),
                rs.getInt("min_years_experience"),
                rs.getLong("salary_min_fen"),
                rs.getLong("salary_max_fen"),
                rs.getString("region"),
                rs.getString("benefits"),
                SqlArrays.strings(rs.getArray("policy_tags")));
        Timestamp published = rs.getTimestamp("published_at");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new TalentNeed(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("organization_name"),
                rs.getBoolean("organization_verified"),
                TalentNeedStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                content,
                rs.getInt("open_headcount"),
                published == null ? null : published.toInstant(),
                closed == null ? null : closed.toInstant(),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
