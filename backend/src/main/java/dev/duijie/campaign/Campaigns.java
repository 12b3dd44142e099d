package dev.duijie.campaign;

import dev.duijie.shared.PageCursor;
import dev.duijie.shared.SqlArrays;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns, their curated needs, and their results (counted live, or frozen at closing) in PostgreSQL. */
@Repository
class Campaigns {

    private static final String SELECT = """
            select c.id, c.status, c.theme, c.starts_on, c.ends_on, c.target_regions, c.incentives, c.closed_at,
                   c.version, c.created_at, c.updated_at,
                   array(select cn.need_id from campaign_need cn where cn.campaign_id = c.id order by cn.added_at, cn.need_id)
                       as need_ids
            from campaign c
            """;

    private final JdbcClient jdbc;

    Campaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Campaign> find(UUID id) {
        return jdbc.sql(SELECT + " where c.id = :id")
                .param("id", id)
                .query(Campaigns::map)
                .optional();
    }

    /** The campaign locked for the caller's transaction: closing waits for invitations and curation, and the reverse. */
    Optional<Campaign> lock(UUID id) {
        return jdbc.sql(SELECT + " where c.id = :id for update of c")
                .param("id", id)
                .query(Campaigns::map)
                .optional();
    }

    List<Campaign> newestFirst(boolean activeOnly, @Nullable PageCursor after, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        if (activeOnly) {
            sql.append(" and c.status = 'active'");
        }
        PageCursor.newestFirst(sql, params, "c.created_at", "c.id", after, limit);
        return jdbc.sql(sql.toString()).params(params).query(Campaigns::map).list();
    }

    void insert(UUID id, Campaign.Draft draft, Instant now, String createdBy) {
        jdbc.sql("""
                insert into campaign (id, status, theme, starts_on, ends_on, target_regions, incentives, created_at,
                    updated_at, created_by)
                values (:id, 'active', :theme, :startsOn, :endsOn, :targetRegions, :incentives, :now, :now, :createdBy)""")
                .param("id", id)
                .param("theme", draft.theme())
                .param("startsOn", Date.valueOf(draft.startsOn()))
                .param("endsOn", Date.valueOf(draft.endsOn()))
                .param("targetRegions", draft.targetRegions().toArray(String[]::new))
                .param("incentives", draft.incentives())
                .param("now", Timestamp.from(now))
                .param("createdBy", createdBy)
                .update();
    }

    /** Curates a need in; returns whether it was not there yet. */
    boolean addNeed(UUID campaignId, UUID needId, Instant now) {
        return jdbc.sql("""
                insert into campaign_need (campaign_id, need_id, added_at) values (:campaignId, :needId, :now)
                on conflict do nothing""")
                        .param("campaignId", campaignId)
                        .param("needId", needId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Whether anyone was invited to, or applied through the campaign for, the need: then it stays curated. */
    boolean hasInvitationsOrApplications(UUID campaignId, UUID needId) {
        return jdbc.sql("""
                select exists (select 1 from campaign_invitation where campaign_id = :c and need_id = :n)
                    or exists (select 1 from talent_application_status where campaign_id = :c and need_id = :n)""")
                .param("c", campaignId)
                .param("n", needId)
                .query(Boolean.class)
                .single();
    }

    void removeNeed(UUID campaignId, UUID needId) {
        jdbc.sql("delete from campaign_need where campaign_id = :c and need_id = :n")
                .param("c", campaignId)
                .param("n", needId)
                .update();
    }

    void touch(UUID id, Instant now) {
        jdbc.sql("update campaign set version = version + 1, updated_at = :now where id = :id")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    void close(UUID id, String resultsJson, Instant now) {
        jdbc.sql("""
                update campaign set status = 'closed', results = cast(:results as jsonb), closed_at = :now,
                    updated_at = :now, version = version + 1
                where id = :id and status = 'active'""")
                .param("id", id)
                .param("results", resultsJson)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Counts a talent's first look at a campaign; later looks change nothing. */
    void recordView(UUID campaignId, String viewerSubject, Instant at) {
        jdbc.sql("""
                insert into campaign_view (campaign_id, viewer_subject, first_viewed_at) values (:campaign, :viewer, :at)
                on conflict (campaign_id, viewer_subject) do nothing""")
                .param("campaign", campaignId)
                .param("viewer", viewerSubject)
                .param("at", Timestamp.from(at))
                .update();
    }

    int views(UUID campaignId) {
        return jdbc.sql("select count(*) from campaign_view where campaign_id = :campaign")
                .param("campaign", campaignId)
                .query(Integer.class)
                .single();
    }

    Optional<String> frozenResults(UUID id) {
        return jdbc.sql("select results::text from campaign where id = :id and results is not null")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /** Each curated need's figures counted from the records now: invitations, acceptances, applications, hires. */
    List<CampaignResults.ByNeed> countByNeed(UUID campaignId) {
        return jdbc.sql("""
                select n.id, n.title, n.industry,
                       (select count(*) from campaign_invitation i where i.campaign_id = cn.campaign_id and i.need_id = n.id)
                           as invitations,
                       (select count(*) from campaign_invitation i where i.campaign_id = cn.campaign_id and i.need_id = n.id
                           and i.status = 'accepted') as acceptances,
                       (select count(*) from talent_application_status a where a.campaign_id = cn.campaign_id and a.need_id = n.id)
                           as applications,
                       (select count(*) from talent_application_status a where a.campaign_id = cn.campaign_id and a.need_id = n.id
                           and a.status = 'hired') as hires
                from campaign_need cn join talent_need_directory n on n.id = cn.need_id
                where cn.campaign_id = :campaignId
                order by n.industry, n.title, n.id""")
                .param("campaignId", campaignId)
                .query((rs, row) -> new CampaignResults.ByNeed(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getString("industry"),
                        new CampaignResults.Figures(
                                rs.getInt("invitations"),
                                rs.getInt("acceptances"),
                                rs.getInt("applications"),
                                rs.getInt("hires"))))
                .list();
    }

    static Campaign map(ResultSet rs, int row) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Campaign(
                rs.getObject("id", UUID.class),
                CampaignStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("theme"),
                rs.getDate("starts_on").toLocalDate(),
                rs.getDate("ends_on").toLocalDate(),
                SqlArrays.strings(rs.getArray("target_regions")),
                rs.getString("incentives"),
                SqlArrays.uuids(rs.getArray("need_ids")),
                closed == null ? null : closed.toInstant(),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
