package dev.duijie.console.oversight;

import dev.duijie.console.backend.model.AuditEvent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One audit event as a person reads it: who (their organization's name), what, on which thing, when, and what
 * changed as a small table of fields with their value before and after (nested values flattened to
 * {@code policy.capacityFen}), instead of two JSON documents.
 *
 * @param changes the fields that differ first, then the rest (unchanged ones are shown only on request)
 */
public record AuditView(
        UUID id,
        @Nullable OffsetDateTime occurredAt,
        String actorSubject,
        @Nullable UUID actorOrganizationId,
        @Nullable String actorName,
        String action,
        String entityType,
        UUID entityId,
        @Nullable String entityName,
        boolean created,
        List<Change> changes,
        List<Change> unchanged) {

    /**
     * One field of the snapshot.
     *
     * @param path where it is, e.g. {@code policy.capacityFen}
     * @param field its own name, e.g. {@code capacityFen} (for its label and how to show its value)
     */
    public record Change(
            String path,
            String field,
            @Nullable Object before,
            @Nullable Object after) {}

    static List<AuditView> of(Collection<AuditEvent> events, Map<UUID, String> names) {
        return events.stream().map(event -> of(event, names)).toList();
    }

    static AuditView of(AuditEvent event, Map<UUID, String> names) {
        Map<String, @Nullable Object> before = flat(event.getBefore());
        Map<String, @Nullable Object> after = flat(event.getAfter());
        Set<String> paths = new LinkedHashSet<>(after.keySet());
        paths.addAll(before.keySet());
        List<Change> changes = new ArrayList<>();
        List<Change> unchanged = new ArrayList<>();
        for (String path : paths) {
            var change = new Change(path, path.substring(path.lastIndexOf('.') + 1), before.get(path), after.get(path));
            (Objects.equals(change.before(), change.after()) ? unchanged : changes).add(change);
        }
        UUID actorOrganization = event.getActorOrganizationId();
        return new AuditView(
                event.getId(),
                event.getOccurredAt(),
                event.getActorSubject(),
                actorOrganization,
                actorOrganization == null ? null : names.get(actorOrganization),
                event.getAction(),
                event.getEntityType(),
                event.getEntityId(),
                names.get(event.getEntityId()),
                event.getBefore() == null || event.getBefore().isEmpty(),
                changes,
                unchanged);
    }

    /** The short form of who did it, e.g. the first 8 characters of a Keycloak user id. */
    public String actorShort() {
        return actorSubject.length() > 8 ? actorSubject.substring(0, 8) : actorSubject;
    }

    private static Map<String, @Nullable Object> flat(@Nullable Map<String, Object> snapshot) {
        Map<String, @Nullable Object> flat = new LinkedHashMap<>();
        if (snapshot != null) {
            flatten("", snapshot, flat);
        }
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, @Nullable Object> into) {
        map.forEach((key, value) -> {
            String path = prefix + key;
            if (value instanceof Map<?, ?> nested && nested.size() == 1 && nested.containsKey("value")) {
                into.put(path, nested.get("value")); // a value object, e.g. {"creditCode": {"value": "9161…"}}
            } else if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
                flatten(path + ".", nested, into);
            } else if (value instanceof Collection<?> list) {
                into.put(path, list.stream().map(String::valueOf).collect(Collectors.joining("、")));
            } else {
                into.put(path, value);
            }
        });
    }
}
