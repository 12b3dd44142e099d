package dev.duijie.console.oversight;

import dev.duijie.console.backend.api.AuditApi;
import dev.duijie.console.backend.model.AuditEventPage;
import dev.duijie.console.backend.model.Organization;
import dev.duijie.console.offers.FormProblem;
import dev.duijie.console.web.Formats;
import java.text.Collator;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;

/**
 * 审计记录: the audit trail, newest first, filtered as {@code listAuditEvents} offers — by the kind of thing changed,
 * one thing, a time range (in county time), the acting organization and the action — a page at a time; each event's
 * changes as a table of before and after. The backend judges the filters (a range that ends before it starts is its
 * 400, shown beside the field it names); the console only reads what a person typed into the contract's types.
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

    /** The actions the console has names for, by the kind of thing (the audit {@code action}s), for the filter. */
    static final Map<String, List<String>> ACTIONS = actions();

    /** The filter's fields, named as in the contract, so a backend message lands beside the right one. */
    static final List<String> FIELDS = List.of("entityType", "entityId", "from", "to", "actorOrganizationId", "action");

    static final int PAGE_SIZE = 20;

    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final AuditApi audit;
    private final OrganizationDirectory directory;
    private final MessageSource messages;

    AuditController(AuditApi audit, OrganizationDirectory directory, MessageSource messages) {
        this.audit = audit;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/audit")
    String trail(
            @RequestParam(defaultValue = "") String entityType,
            @RequestParam(defaultValue = "") String entityId,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String actorOrganizationId,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        String type = ENTITY_TYPES.contains(entityType) ? entityType : null;
        String wanted = ACTIONS.values().stream().anyMatch(list -> list.contains(action)) ? action : null;
        UUID id = id("entityId", entityId, errors);
        UUID actorId = id("actorOrganizationId", actorOrganizationId, errors);
        OffsetDateTime since = time("from", from, errors);
        OffsetDateTime until = time("to", to, errors);
        var everyone = directory.everyone();

        model.addAttribute("entityTypes", ENTITY_TYPES);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("organizations", byName(everyone.all()));
        model.addAttribute("entityType", type == null ? "" : type);
        model.addAttribute("entityId", entityId.strip());
        model.addAttribute("from", from.strip());
        model.addAttribute("to", to.strip());
        model.addAttribute("actorOrganizationId", actorOrganizationId.strip());
        model.addAttribute("action", wanted == null ? "" : wanted);
        model.addAttribute("cursor", cursor);
        model.addAttribute(
                "filtered",
                type != null
                        || !entityId.isBlank()
                        || !from.isBlank()
                        || !to.isBlank()
                        || actorId != null
                        || wanted != null);
        FormProblem.unreadable(model, errors);
        model.addAttribute("events", List.of());
        model.addAttribute("nextCursor", null);
        if (!errors.isEmpty()) {
            return "regulator/audit";
        }
        AuditEventPage page;
        try {
            page = audit.listAuditEvents(type, id, since, until, actorId, wanted, cursor, PAGE_SIZE)
                    .getBody();
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() != 400) {
                throw refused;
            }
            FormProblem.from(model, refused, FIELDS);
            return "regulator/audit";
        }
        model.addAttribute("events", AuditView.of(page == null ? List.of() : page.getItems(), everyone.names()));
        model.addAttribute("nextCursor", page == null ? null : page.getNextCursor());
        return "regulator/audit";
    }

    private @Nullable UUID id(String field, String text, Map<String, String> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            errors.put(field, message("regulator.audit.filter.id.invalid"));
            return null;
        }
    }

    /** A time as a {@code datetime-local} field sends it, read in county time. */
    private @Nullable OffsetDateTime time(String field, String text, Map<String, String> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), LOCAL_INPUT)
                    .atZone(Formats.COUNTY_TIME)
                    .toOffsetDateTime();
        } catch (DateTimeParseException unreadable) {
            errors.put(field, message("regulator.audit.filter.time.invalid"));
            return null;
        }
    }

    private String message(String key) {
        return Objects.requireNonNullElse(messages.getMessage(key, null, key, LocaleContextHolder.getLocale()), key);
    }

    private static List<Organization> byName(List<Organization> organizations) {
        Collator chinese = Collator.getInstance(Locale.CHINA);
        return organizations.stream()
                .sorted(Comparator.comparing((Organization o) -> o.getType().getValue())
                        .thenComparing(Organization::getName, chinese))
                .toList();
    }

    private static Map<String, List<String>> actions() {
        Map<String, List<String>> actions = new LinkedHashMap<>();
        actions.put("organization", List.of("organization.registered", "organization.verified"));
        actions.put(
                "financing-request",
                List.of(
                        "financing-request.created",
                        "financing-request.updated",
                        "financing-request.published",
                        "financing-request.withdrawn",
                        "financing-request.expired",
                        "financing-request.awarded"));
        actions.put(
                "bid",
                List.of(
                        "bid.submitted",
                        "bid.withdrawn",
                        "bid.guarantee-confirmed",
                        "bid.guarantee-declined",
                        "bid.guarantee-bound",
                        "bid.accepted",
                        "bid.declined",
                        "bank-response.passed"));
        actions.put(
                "guarantee-offer",
                List.of(
                        "guarantee-offer.submitted",
                        "guarantee-offer.withdrawn",
                        "guarantee-offer.accepted",
                        "guarantee-offer.declined"));
        actions.put("risk-fund", List.of("risk-fund.policy-changed", "risk-fund.reserved"));
        actions.put("investment-interest", List.of("investment-interest.expressed"));
        return actions;
    }
}
