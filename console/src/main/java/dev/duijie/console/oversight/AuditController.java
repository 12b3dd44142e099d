package dev.duijie.console.oversight;

import dev.duijie.console.backend.api.AuditApi;
import dev.duijie.console.backend.model.AuditEventPage;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 审计记录: the audit trail, newest first, filtered by the kind of thing changed and by one thing (what
 * {@code listAuditEvents} offers), a page at a time; each event's changes as a table of before and after.
 */
@Controller
class AuditController {

    /** The kinds of thing the backend records (its audit {@code entityType}s), for the filter's choices. */
    static final List<String> ENTITY_TYPES = List.of(
            "organization",
            "financing-request",
            "bid",
            "guarantee-offer",
            "risk-fund",
            "investment-interest",
            "talent-profile",
            "talent-need",
            "talent-application",
            "campaign");

    static final int PAGE_SIZE = 20;

    private final AuditApi audit;
    private final OrganizationDirectory directory;

    AuditController(AuditApi audit, OrganizationDirectory directory) {
        this.audit = audit;
        this.directory = directory;
    }

    @GetMapping("/audit")
    String trail(
            @RequestParam(defaultValue = "") String entityType,
            @RequestParam(defaultValue = "") String entityId,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        String type = ENTITY_TYPES.contains(entityType) ? entityType : null;
        UUID id = null;
        if (!entityId.isBlank()) {
            try {
                id = UUID.fromString(entityId.strip());
            } catch (IllegalArgumentException notAnId) {
                model.addAttribute("entityIdInvalid", true);
            }
        }
        model.addAttribute("entityTypes", ENTITY_TYPES);
        model.addAttribute("entityType", type == null ? "" : type);
        model.addAttribute("entityId", entityId.strip());
        model.addAttribute("cursor", cursor);
        model.addAttribute("filtered", type != null || id != null);
        if (model.containsAttribute("entityIdInvalid")) {
            model.addAttribute("events", List.of());
            model.addAttribute("nextCursor", null);
            return "regulator/audit";
        }
        AuditEventPage page = audit.listAuditEvents(type, id, cursor, PAGE_SIZE).getBody();
        var names = directory.everyone().names();
        model.addAttribute("events", AuditView.of(page == null ? List.of() : page.getItems(), names));
        model.addAttribute("nextCursor", page == null ? null : page.getNextCursor());
        return "regulator/audit";
    }
}
