package dev.duijie.shared;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Keyset position in a newest-first list: the last item's creation time and id. Opaque to clients
 * (base64url), so the encoding can change; a cursor we cannot read is a 400 naming {@code cursor}.
 */
public record PageCursor(Instant createdAt, UUID id) {

    /** 9999-12-31T23:59:59Z: no row of ours is newer. */
    private static final long LATEST_EPOCH_SECOND = 253_402_300_799L;

    /**
     * Ends a newest-first query whose where clause is already in {@code sql}: only rows after {@code after}
     * (when there is one), newest first by the time column then the id, at most {@code limit} rows.
     */
    public static void newestFirst(
            StringBuilder sql,
            Map<String, Object> params,
            String timeColumn,
            String idColumn,
            @Nullable PageCursor after,
            int limit) {
        if (after != null) {
            sql.append(" and (")
                    .append(timeColumn)
                    .append(", ")
                    .append(idColumn)
                    .append(") < (:afterTime, :afterId)");
            params.put("afterTime", Timestamp.from(after.createdAt()));
            params.put("afterId", after.id());
        }
        sql.append(" order by ")
                .append(timeColumn)
                .append(" desc, ")
                .append(idColumn)
                .append(" desc limit :limit");
        params.put("limit", limit);
    }

    public String encode() {
        String plain = createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static @Nullable PageCursor decode(@Nullable String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\.", 3);
            long epochSecond = Long.parseLong(parts[0]);
            if (epochSecond < 0 || epochSecond > LATEST_EPOCH_SECOND) {
                throw new IllegalArgumentException("outside the years PostgreSQL stores");
            }
            return new PageCursor(
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException unreadable) {
            throw DomainProblem.invalidField("cursor", "field.cursor.invalid");
        }
    }
}
