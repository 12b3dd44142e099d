package dev.duijie.talent;

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

/** Applications in PostgreSQL; one per talent per need (a unique key, so a race cannot make two). */
@Repository
class Applications {

    private static final String SELECT = """
            select a.id, a.need_id, n.title as need_title, n.organization_id, a.talent_profile_id,
                   a.referrer_profile_id, a.campaign_id, a.status, a.cover_letter, a.decided_at, a.version, a.created_at, a.updated_at
            from talent_application a join talent_need n on n.id = a.need_id
            """;

    private final JdbcClient jdbc;

    Applications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Application> find(UUID id) {
        return jdbc.sql(SELECT + " where a.id = :id")
                .param("id", id)
                .query(Applications::map)
                .optional();
    }

    /** Inserts unless the talent already applied to the need; returns whether it did. */
    boolean insert(
            UUID id,
            UUID needId,
            UUID talentProfileId,
            @Nullable UUID referrerProfileId,
            @Nullable UUID campaignId,
            @Nullable String coverLetter,
            Instant now) {
        return jdbc.sql("""
                insert into talent_application (id, need_id, talent_profile_id, referrer_profile_id, campaign_id, status,
                    cover_letter, created_at, updated_at)
                values (:id, :needId, :talentProfileId, :referrerProfileId, :campaignId, 'applied', :coverLetter, :now,
                    :now)
                on conflict (need_id, talent_profile_id) do nothing""")
                        .param("id", id)
                        .param("needId", needId)
                        .param("talentProfileId", talentProfileId)
                        .param("referrerProfileId", referrerProfileId)
                        .param("campaignId", campaignId)
                        .param("coverLetter", coverLetter)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Moves to {@code to} if still at {@code version} and in {@code from}; returns whether it did. */
    boolean move(UUID id, long version, ApplicationStatus from, ApplicationStatus to, Instant now) {
        return jdbc.sql("""
                update talent_application
                set status = :to, version = version + 1, updated_at = :now,
                    decided_at = case when :to in ('hired', 'rejected', 'withdrawn') then :now else decided_at end
                where id = :id and version = :version and status = :from""")
                        .param("id", id)
                        .param("version", version)
                        .param("from", dbValue(from))
                        .param("to", dbValue(to))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    List<Application> byTalent(UUID talentProfileId, @Nullable PageCursor after, int limit) {
        return page("a.talent_profile_id = :owner", Map.of("owner", talentProfileId), after, limit);
    }

    List<Application> byNeed(UUID needId, @Nullable PageCursor after, int limit) {
        return page("a.need_id = :owner", Map.of("owner", needId), after, limit);
    }

    List<Application> byReferrer(UUID referrerProfileId, @Nullable PageCursor after, int limit) {
        return page("a.referrer_profile_id = :owner", Map.of("owner", referrerProfileId), after, limit);
    }

    int hiresReferredBy(UUID referrerProfileId) {
        return jdbc.sql("select count(*) from talent_application where referrer_profile_id = :id and status = 'hired'")
                .param("id", referrerProfileId)
                .query(Integer.class)
                .single();
    }

    /** Which of these profiles have a standing (not withdrawn) application to one of the organization's needs. */
    Set<UUID> appliedTo(UUID organizationId, Collection<UUID> talentProfileIds) {
        if (talentProfileIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                select a.talent_profile_id from talent_application a join talent_need n on n.id = a.need_id
                 where a.talent_profile_id in (:talents) and n.organization_id = :organization
                   and a.status <> 'withdrawn'""")
                .param("talents", talentProfileIds)
                .param("organization", organizationId)
                .query(Columns::id)
                .list());
    }

    private List<Application> page(
            String where, Map<String, Object> whereParams, @Nullable PageCursor after, int limit) {
        Map<String, Object> params = new HashMap<>(whereParams);
        StringBuilder sql = new StringBuilder(SELECT).append(" where ").append(where);
        PageCursor.newestFirst(sql, params, "a.created_at", "a.id", after, limit);
        return jdbc.sql(sql.toString()).params(params).query(Applications::map).list();
    }

    /** Every referral, newest first: for the talent bureau's view of referral chains. */
    List<Application> referralsNewestFirst(@Nullable PageCursor after, int limit) {
        return page("a.referrer_profile_id is not null", Map.of(), after, limit);
    }

    static String dbValue(ApplicationStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static Application map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Application(
                rs.getObject("id", UUID.class),
                rs.getObject("need_id", UUID.class),
                rs.getString("need_title"),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("talent_profile_id", UUID.class),
                rs.getObject("referrer_profile_id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                ApplicationStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("cover_letter"),
                decided == null ? null : decided.toInstant(),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
