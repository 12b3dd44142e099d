package dev.duijie.audit;

import dev.duijie.shared.Caller;
import dev.duijie.shared.Page;
import dev.duijie.shared.PageCursor;
import dev.duijie.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the audit trail inside the transaction of the change itself, so a change and its record
 * commit (or roll back) together. The table refuses updates and deletes.
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param action     what happened, e.g. {@code financing-request.published}
     * @param entityType the kind of thing changed, e.g. {@code financing-request}
     * @param before     the state before (a record), null for a creation
     * @param after      the state after, null for a removal
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            Caller caller,
            String action,
            String entityType,
            UUID entityId,
            @Nullable Object before,
            @Nullable Object after) {
        jdbc.sql("""
                insert into audit_event (id, occurred_at, actor_subject, actor_organization, action, entity_type,
                    entity_id, before_state, after_state)
                values (:id, :now, :subject, :organization, :action, :entityType, :entityId,
                    cast(:before as jsonb), cast(:after as jsonb))""")
                .param("id", UUID.randomUUID())
                .param("now", Timestamp.from(clock.instant()))
                .param("subject", caller.subject())
                .param("organization", caller.organizationId())
                .param("action", action)
                .param("entityType", entityType)
                .param("entityId", entityId)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    /** The regulator reads the trail, newest first, optionally for one entity. */
    public Page<AuditEvent> read(
            Caller caller, @Nullable String entityType, @Nullable UUID entityId, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.REGULATOR);
        PageCursor after = PageCursor.decode(cursor);
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select id, occurred_at, actor_subject, actor_organization, action, entity_type, entity_id,
                       before_state::text as before_state, after_state::text as after_state
                from audit_event where true""");
        if (entityType != null) {
            sql.append(" and entity_type = :entityType");
            params.put("entityType", entityType);
        }
        if (entityId != null) {
            sql.append(" and entity_id = :entityId");
            params.put("entityId", entityId);
        }
        if (after != null) {
            sql.append(" and (occurred_at, id) < (:occurredAt, :id)");
            params.put("occurredAt", Timestamp.from(after.createdAt()));
            params.put("id", after.id());
        }
        sql.append(" order by occurred_at desc, id desc limit :limit");
        params.put("limit", limit + 1);
        List<AuditEvent> rows =
                jdbc.sql(sql.toString()).params(params).query(AuditTrail::map).list();
        return Page.of(rows, limit, e -> new PageCursor(e.occurredAt(), e.id()));
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor_subject"),
                rs.getObject("actor_organization", UUID.class),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getObject("entity_id", UUID.class),
                rs.getString("before_state"),
                rs.getString("after_state"));
    }
}
