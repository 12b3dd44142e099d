package dev.duijie.campaign;

import dev.duijie.shared.Columns;
import dev.duijie.shared.PageCursor;
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
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaign invitations in PostgreSQL: one per campaign, need and talent. */
@Repository
class Invitations {

    private static final String SELECT = """
            select i.id, i.campaign_id, c.theme, c.incentives, i.need_id, n.title as need_title, i.talent_profile_id,
                   i.status, i.created_at, i.responded_at
            from campaign_invitation i join campaign c on c.id = i.campaign_id join talent_need_directory n on n.id = i.need_id
            """;

    private final JdbcClient jdbc;

    Invitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Invitation> find(UUID id) {
        return jdbc.sql(SELECT + " where i.id = :id")
                .param("id", id)
                .query(Invitations::map)
                .optional();
    }

    /** Invites each talent not invited to this need yet. */
    void insertMissing(UUID campaignId, UUID needId, Collection<UUID> talentProfileIds, Instant now) {
        for (UUID talent : talentProfileIds) {
            jdbc.sql("""
                    insert into campaign_invitation (id, campaign_id, need_id, talent_profile_id, status, created_at)
                    values (:id, :campaignId, :needId, :talent, 'pending', :now)
                    on conflict (campaign_id, need_id, talent_profile_id) do nothing""")
                    .param("id", UUID.randomUUID())
                    .param("campaignId", campaignId)
                    .param("needId", needId)
                    .param("talent", talent)
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    List<Invitation> forNeed(UUID campaignId, UUID needId) {
        return jdbc.sql(SELECT + " where i.campaign_id = :c and i.need_id = :n order by i.created_at, i.id")
                .param("c", campaignId)
                .param("n", needId)
                .query(Invitations::map)
                .list();
    }

    Set<UUID> invitedTalents(UUID campaignId, UUID needId) {
        return Set.copyOf(
                jdbc.sql("select talent_profile_id from campaign_invitation where campaign_id = :c and need_id = :n")
                        .param("c", campaignId)
                        .param("n", needId)
                        .query(Columns::id)
                        .list());
    }

    List<Invitation> byTalent(UUID talentProfileId, @Nullable PageCursor after, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("talent", talentProfileId);
        StringBuilder sql = new StringBuilder(SELECT).append(" where i.talent_profile_id = :talent");
        PageCursor.newestFirst(sql, params, "i.created_at", "i.id", after, limit);
        return jdbc.sql(sql.toString()).params(params).query(Invitations::map).list();
    }

    /** pending → accepted or declined; returns whether it was still pending. */
    boolean respond(UUID id, Invitation.Status decision, Instant now) {
        return jdbc.sql("""
                update campaign_invitation set status = :decision, responded_at = :now, version = version + 1
                where id = :id and status = 'pending'""")
                        .param("id", id)
                        .param("decision", decision.name().toLowerCase(Locale.ROOT))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    static Invitation map(ResultSet rs, int row) throws SQLException {
        Timestamp responded = rs.getTimestamp("responded_at");
        return new Invitation(
                rs.getObject("id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                rs.getString("theme"),
                rs.getString("incentives"),
                rs.getObject("need_id", UUID.class),
                rs.getString("need_title"),
                rs.getObject("talent_profile_id", UUID.class),
                Invitation.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getTimestamp("created_at").toInstant(),
                responded == null ? null : responded.toInstant());
    }
}
