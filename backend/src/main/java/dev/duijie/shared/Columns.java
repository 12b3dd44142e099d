package dev.duijie.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Row mappers for one-column results that cannot be null (a primary key, a not-null column): JdbcClient's
 * {@code query(UUID.class)} allows a null per row, which no caller of these queries should have to handle.
 */
public final class Columns {

    private Columns() {}

    public static UUID id(ResultSet row, int rowNumber) throws SQLException {
        return row.getObject(1, UUID.class);
    }
}
