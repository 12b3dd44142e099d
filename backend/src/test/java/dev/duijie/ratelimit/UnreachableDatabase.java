package dev.duijie.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** A database that refuses every connection, as PostgreSQL does while it is down; counts the attempts. */
final class UnreachableDatabase extends AbstractDataSource {

    private final AtomicInteger attempts = new AtomicInteger();

    AtomicInteger attempts() {
        return attempts;
    }

    @Override
    public Connection getConnection() throws SQLException {
        attempts.incrementAndGet();
        throw new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }
}
