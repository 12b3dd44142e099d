package dev.duijie.audit.web;

import dev.duijie.api.AuditApi;
import dev.duijie.api.dto.AuditEventDto;
import dev.duijie.api.dto.AuditEventPageDto;
import dev.duijie.audit.AuditEvent;
import dev.duijie.audit.AuditFilter;
import dev.duijie.audit.AuditTrail;
import dev.duijie.security.Callers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
class AuditController implements AuditApi {

    private static final TypeReference<Map<String, Object>> SNAPSHOT = new TypeReference<>() {};

    private final AuditTrail audit;
    private final JsonMapper json;

    AuditController(AuditTrail audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @Override
    public ResponseEntity<AuditEventPageDto> listAuditEvents(
            @Nullable String entityType,
            @Nullable UUID entityId,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to,
            @Nullable UUID actorOrganizationId,
            @Nullable String action,
            @Nullable String cursor,
            Integer limit) {
        var filter = new AuditFilter(
                entityType,
                entityId,
                from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant(),
                actorOrganizationId,
                action);
        var page = audit.read(Callers.current(), filter, cursor, limit);
        return ResponseEntity.ok(new AuditEventPageDto()
                .items(page.items().stream().map(this::toDto).toList())
                .nextCursor(page.nextCursor()));
    }

    private AuditEventDto toDto(AuditEvent event) {
        return new AuditEventDto()
                .id(event.id())
                .occurredAt(event.occurredAt().atOffset(ZoneOffset.UTC))
                .actorSubject(event.actorSubject())
                .actorOrganizationId(event.actorOrganization())
                .action(event.action())
                .entityType(event.entityType())
                .entityId(event.entityId())
                .before(snapshot(event.before()))
                .after(snapshot(event.after()));
    }

    private @Nullable Map<String, Object> snapshot(@Nullable String stored) {
        return stored == null ? null : json.readValue(stored, SNAPSHOT);
    }
}
