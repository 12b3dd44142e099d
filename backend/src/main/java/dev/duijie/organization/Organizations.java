package dev.duijie.organization;

import dev.duijie.shared.PageCursor;
import dev.duijie.shared.SqlArrays;
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

/** Organizations in PostgreSQL. */
@Repository
class Organizations {

    private static final String COLUMNS = """
            id, type, name, credit_code, region, industries, tier, flags, verified_at, version, created_at""";

    private final JdbcClient jdbc;

    Organizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organization> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from organization where id = :id")
                .param("id", id)
                .query(Organizations::map)
                .optional();
    }

    boolean creditCodeTaken(String creditCode) {
        return jdbc.sql("select exists (select 1 from organization where credit_code = :code)")
                .param("code", creditCode)
                .query(Boolean.class)
                .single();
    }

    void insert(UUID id, Registration registration, Instant now, String createdBy) {
        jdbc.sql("""
                insert into organization (id, type, name, credit_code, region, industries, tier, flags, created_at, created_by)
                values (:id, :type, :name, :creditCode, :region, :industries, :tier, :flags, :now, :createdBy)""")
                .param("id", id)
                .param("type", registration.type().name().toLowerCase(Locale.ROOT))
                .param("name", registration.name())
                .param("creditCode", registration.creditCode())
                .param("region", registration.region())
                .param("industries", registration.industries().toArray(String[]::new))
                .param("tier", registration.tier())
                .param("flags", registration.flags().toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .param("createdBy", createdBy)
                .update();
    }

    /** Marks verified (once); returns whether a row changed. */
    boolean markVerified(UUID id, Instant now, String verifiedBy, @Nullable String note) {
        return jdbc.sql("""
                update organization
                set verified_at = :now, verified_by = :verifiedBy, verification_note = :note, version = version + 1
                where id = :id and verified_at is null""")
                        .param("id", id)
                        .param("now", Timestamp.from(now))
                        .param("verifiedBy", verifiedBy)
                        .param("note", note)
                        .update()
                == 1;
    }

    /** Newest first; only the verified ones (true), only those waiting (false), or all (null). */
    List<Organization> newestFirst(@Nullable Boolean verified, @Nullable PageCursor after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from organization where true");
        if (verified != null) {
            sql.append(verified ? " and verified_at is not null" : " and verified_at is null");
        }
        Map<String, Object> params = new HashMap<>();
        PageCursor.newestFirst(sql, params, "created_at", "id", after, limit);
        return jdbc.sql(sql.toString()).params(params).query(Organizations::map).list();
    }

    private static Organization map(ResultSet rs, int row) throws SQLException {
        Timestamp verifiedAt = rs.getTimestamp("verified_at");
        return new Organization(
                rs.getObject("id", UUID.class),
                OrganizationType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
                rs.getString("name"),
                new CreditCode(rs.getString("credit_code")),
                rs.getString("region"),
                SqlArrays.strings(rs.getArray("industries")),
                rs.getString("tier"),
                SqlArrays.strings(rs.getArray("flags")),
                verifiedAt == null ? null : verifiedAt.toInstant(),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant());
    }
}
