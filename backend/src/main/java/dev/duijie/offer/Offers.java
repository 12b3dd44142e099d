package dev.duijie.offer;

import dev.duijie.shared.PageCursor;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** SQL pieces every offer table shares. */
final class Offers {

    private Offers() {
    }

    /** The where clause of a newest-first page: one owner's offers, or every active one. */
    static String pageWhere(@Nullable UUID owner, @Nullable PageCursor after, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(owner == null ? " where p.status = 'active'" : " where p.organization_id = :owner");
        if (owner != null) {
            params.put("owner", owner);
        }
        if (after != null) {
            where.append(" and (p.created_at, p.id) < (:createdAt, :id)");
            params.put("createdAt", Timestamp.from(after.createdAt()));
            params.put("id", after.id());
        }
        return where.toString();
    }

    static List<String> strings(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
