package dev.duijie.shared;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Remembers which resource a creating POST made under an Idempotency-Key, per caller and operation.
 * Must be called inside the creating transaction: the key row and the resource commit together, and
 * a concurrent retry with the same key waits on the row lock and then sees the first result.
 */
@Repository
public class IdempotencyKeys {

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for a new resource id. Returns empty when the key is new (go on and create
     * {@code newResourceId}); returns the earlier resource's id when this is a retry of the same request;
     * answers 422 when the key was used for a different request.
     */
    public Optional<UUID> claim(
            Caller caller, String operation, @Nullable String key, String fingerprint, UUID newResourceId) {
        if (key == null) {
            return Optional.empty();
        }
        int inserted = jdbc.sql("""
                insert into idempotency_key (caller, operation, key, fingerprint, resource_id)
                values (:caller, :operation, :key, :fingerprint, :resourceId)
                on conflict do nothing""")
                .param("caller", caller.subject())
                .param("operation", operation)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("resourceId", newResourceId)
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        var earlier = jdbc.sql("""
                select fingerprint, resource_id from idempotency_key
                where caller = :caller and operation = :operation and key = :key""")
                .param("caller", caller.subject())
                .param("operation", operation)
                .param("key", key)
                .query((rs, n) -> new Earlier(rs.getString("fingerprint"), rs.getObject("resource_id", UUID.class)))
                .single();
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new DomainProblem(ProblemType.IDEMPOTENCY_KEY_REUSED, "problem.detail.idempotency-key-reused");
        }
        return Optional.of(earlier.resourceId());
    }

    private record Earlier(String fingerprint, UUID resourceId) {}
}
