package dev.duijie.offer;

import dev.duijie.shared.PageCursor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every offer table does the same way: reads, inserts and updates. Each kind names its own term
 * columns; {@code select} must read {@code <table> p join organization_directory o on o.id = p.organization_id}.
 */
public abstract class OfferTable<O extends Offer<T>, T extends Record> implements OfferStore<O, T> {

    protected final JdbcClient jdbc;
    private final String select;
    private final RowMapper<O> rows;

    OfferTable(JdbcClient jdbc, String select, RowMapper<O> rows) {
        this.jdbc = jdbc;
        this.select = select;
        this.rows = rows;
    }

    @Override
    public Optional<O> find(UUID id) {
        return jdbc.sql(select + " where p.id = :id")
                .param("id", id)
                .query(rows)
                .optional();
    }

    /** Several offers in one query, in no particular order. */
    public List<O> findAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(select + " where p.id in (:ids)")
                .param("ids", ids)
                .query(rows)
                .list();
    }

    @Override
    public List<O> newestFirst(@Nullable UUID owner, @Nullable PageCursor after, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where =
                new StringBuilder(owner == null ? " where p.status = 'active'" : " where p.organization_id = :owner");
        if (owner != null) {
            params.put("owner", owner);
        }
        PageCursor.newestFirst(where, params, "p.created_at", "p.id", after, limit);
        return jdbc.sql(select + where).params(params).query(rows).list();
    }

    /** The kind's own columns and their values for these terms, in table order. */
    protected abstract Map<String, Object> termColumns(T terms);

    @Override
    public void insert(UUID id, UUID organizationId, T terms, Instant now, String createdBy) {
        Map<String, Object> columns = termColumns(terms);
        String names = String.join(", ", columns.keySet());
        String values = columns.keySet().stream().map(name -> ":" + name).collect(Collectors.joining(", "));
        // table and column names are constants of the subclasses, never input
        jdbc.sql("insert into " + kind().table + " (id, organization_id, status, " + names
                        + ", created_at, updated_at, created_by) values (:id, :organizationId, 'draft', " + values
                        + ", :now, :now, :createdBy)")
                .params(columns)
                .param("id", id)
                .param("organizationId", organizationId)
                .param("now", Timestamp.from(now))
                .param("createdBy", createdBy)
                .update();
    }

    @Override
    public boolean update(UUID id, long version, T terms, Instant now) {
        Map<String, Object> columns = termColumns(terms);
        String assignments =
                columns.keySet().stream().map(name -> name + " = :" + name).collect(Collectors.joining(", "));
        return jdbc.sql("update " + kind().table + " set " + assignments + ", version = version + 1, updated_at = :now"
                                + " where id = :id and version = :version and status <> 'retired'")
                        .params(columns)
                        .param("id", id)
                        .param("version", version)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Every active offer of this kind. */
    public List<O> active() {
        return jdbc.sql(select + " where p.status = 'active'").query(rows).list();
    }
}
