package dev.duijie.audit;

import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.Page;
import dev.duijie.shared.PageCursor;
import dev.duijie.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
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

    /**
     * The regulator reads the trail, newest first, narrowed by {@code filter}. A time range that ends where or
     * before it starts is a 400 naming {@code to}.
     */
    public Page<AuditEvent> read(Caller caller, AuditFilter filter, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.REGULATOR);
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw DomainProblem.invalidField("to", "field.to.not-after-from");
        }
        PageCursor after = PageCursor.decode(cursor);
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select id, occurred_at, actor_subject, actor_organization, action, entity_type, entity_id,
                       before_state::text as before_state, after_state::text as after_state
                from audit_event where true""");
        if (filter.entityType() != null) {
            sql.append(" and entity_type = :entityType");
            params.put("entityType", filter.entityType());
        }
        if (filter.entityId() != null) {
            sql.append(" and entity_id = :entityId");
            params.put("entityId", filter.entityId());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.actorOrganization() != null) {
            sql.append(" and actor_organization = :actorOrganization");
            params.put("actorOrganization", filter.actorOrganization());
        }
        if (filter.action() != null) {
            sql.append(" and action = :action");
            params.put("action", filter.action());
        }
        PageCursor.newestFirst(sql, params, "occurred_at", "id", after, limit + 1);
        List<AuditEvent> rows =
                jdbc.sql(sql.toString()).params(params).query(AuditTrail::map).list();
        return Page.of(rows, limit, e -> new PageCursor(e.occurredAt(), e.id()));
    }

    /**
     * What was recorded about some things, newest first, without the states before and after: the changes with
     * one of {@code actions} on the things {@code entities} names (ids by entity type). It checks no caller: the
     * feature that asks decides who may read what, and which actions they may know of.
     */
    public Page<RecordedChange> about(
            Map<String, ? extends Collection<UUID>> entities,
            Collection<String> actions,
            @Nullable String cursor,
            int limit) {
        PageCursor after = PageCursor.decode(cursor);
        Map<String, Object> params = new HashMap<>();
        List<String> things = new ArrayList<>();
        for (var entity : entities.entrySet()) {
            if (!entity.getValue().isEmpty()) {
                int n = things.size();
                things.add("(a.entity_type = :type" + n + " and a.entity_id in (:ids" + n + "))");
                params.put("type" + n, entity.getKey());
                params.put("ids" + n, List.copyOf(entity.getValue()));
            }
        }
        if (things.isEmpty() || actions.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        StringBuilder sql =
                new StringBuilder("""
                select a.id, a.occurred_at, a.actor_subject, a.actor_organization, o.name as actor_organization_name,
                       a.action, a.entity_type, a.entity_id
                from audit_event a left join organization_directory o on o.id = a.actor_organization
                where a.action in (:actions) and (""").append(String.join(" or ", things)).append(")");
        params.put("actions", List.copyOf(actions));
        PageCursor.newestFirst(sql, params, "a.occurred_at", "a.id", after, limit + 1);
        List<RecordedChange> rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, row) -> new RecordedChange(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor_subject"),
                        rs.getObject("actor_organization", UUID.class),
                        rs.getString("actor_organization_name"),
                        rs.getString("action"),
                        rs.getString("entity_type"),
                        rs.getObject("entity_id", UUID.class)))
                .list();
        return Page.of(rows, limit, change -> new PageCursor(change.occurredAt(), change.id()));
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
