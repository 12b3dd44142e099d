package dev.duijie.shared;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** PostgreSQL {@code text[]} and {@code uuid[]} columns as lists. */
public final class SqlArrays {

    private SqlArrays() {}

    public static List<String> strings(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    public static List<UUID> uuids(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((UUID[]) array.getArray()));
    }
}
