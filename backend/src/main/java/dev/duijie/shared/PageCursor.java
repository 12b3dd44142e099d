package dev.duijie.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Keyset position in a newest-first list: the last item's creation time and id. Opaque to clients
 * (base64url), so the encoding can change; a cursor we cannot read is a 400 naming {@code cursor}.
 */
public record PageCursor(Instant createdAt, UUID id) {

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
            return new PageCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException unreadable) {
            throw DomainProblem.invalidField("cursor", "field.cursor.invalid");
        }
    }
}
