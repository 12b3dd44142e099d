package dev.duijie.support;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A cheap fingerprint of every table: its row count and the newest row version ({@code xmin}, which every
 * insert and update sets). Equal before and after a request means the request wrote nothing.
 */
public final class DatabaseState {

    /**
     * Written whatever a request does: the outbox is drained by the search indexer on its own, and every request
     * (refused ones included) charges its caller's budget in rate_limit_bucket.
     */
    private static final List<String> CHANGED_IN_THE_BACKGROUND =
            List.of("search_outbox", "flyway_schema_history", "rate_limit_bucket");

    private final JdbcClient jdbc;
    private final String fingerprintQuery;

    public DatabaseState(JdbcClient jdbc) {
        this.jdbc = jdbc;
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""").query(String.class).list();
        this.fingerprintQuery = tables.stream()
                .filter(table -> !CHANGED_IN_THE_BACKGROUND.contains(table))
                .map(table ->
                        "select '%s: ' || count(*) || ' rows, newest ' || coalesce(max(xmin::text::bigint), 0) from %s"
                                .formatted(table, table))
                .collect(Collectors.joining("\nunion all\n"));
    }

    /** One line per table. */
    public List<String> now() {
        return jdbc.sql(fingerprintQuery).query(String.class).list();
    }
}
