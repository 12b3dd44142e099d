package dev.duijie.offer;

import dev.duijie.shared.PageCursor;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reads every offer table answers the same way; each kind adds its own columns, inserts and updates.
 * {@code select} must read {@code <table> p join organization o on o.id = p.organization_id}.
 */
abstract class OfferTable<O extends Offer<T>, T extends Record> implements OfferStore<O, T> {

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
        return jdbc.sql(select + " where p.id = :id").param("id", id).query(rows).optional();
    }

    @Override
    public List<O> newestFirst(@Nullable UUID owner, @Nullable PageCursor after, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(owner == null ? " where p.status = 'active'" : " where p.organization_id = :owner");
        if (owner != null) {
            params.put("owner", owner);
        }
        if (after != null) {
            where.append(" and (p.created_at, p.id) < (:createdAt, :id)");
            params.put("createdAt", Timestamp.from(after.createdAt()));
            params.put("id", after.id());
        }
        params.put("limit", limit);
        return jdbc.sql(select + where + " order by p.created_at desc, p.id desc limit :limit").params(params).query(rows).list();
    }

    /** Every active offer of this kind. */
    public List<O> active() {
        return jdbc.sql(select + " where p.status = 'active'").query(rows).list();
    }
}
