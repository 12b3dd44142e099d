package dev.duijie.financing;

import dev.duijie.audit.AuditTrail;
import dev.duijie.audit.RecordedChange;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.Page;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What happened to a financing request, for the requesting enterprise and the regulator: read from the audit
 * trail and cut down to what the firm may know anyway through the API. An entry says when, what (the audit
 * action) and which organization did it, and names the bid's bank or the guarantee offer's guarantor; it never
 * carries the states before and after (a bank's internal fields, a guarantor's reasons), and a bank's pass, which
 * the firm is never told of, is not among the actions. The person who acted is named only for the caller's own
 * organization (for everyone to the regulator, who reads the whole trail anyway).
 */
@Service
public class RequestHistory {

    /** The actions shown, by the kind of thing they happened to (the audit trail's entity types). */
    static final Map<String, List<String>> SHOWN = Map.of(
            "financing-request",
            List.of("created", "updated", "published", "withdrawn", "expired", "awarded"),
            "bid",
            List.of(
                    "submitted",
                    "withdrawn",
                    "accepted",
                    "declined",
                    "guarantee-confirmed",
                    "guarantee-declined",
                    "guarantee-bound"),
            "guarantee-offer",
            List.of("submitted", "withdrawn", "accepted", "declined"),
            "investment-interest",
            List.of("expressed"));

    private static final List<String> ACTIONS = SHOWN.entrySet().stream()
            .flatMap(kind -> kind.getValue().stream().map(what -> kind.getKey() + "." + what))
            .sorted()
            .toList();

    private final FinancingRequests requests;
    private final BidParties bidParties;
    private final AuditTrail audit;

    RequestHistory(FinancingRequests requests, BidParties bidParties, AuditTrail audit) {
        this.requests = requests;
        this.bidParties = bidParties;
        this.audit = audit;
    }

    /**
     * The request's history, newest first. 403 for a caller neither an enterprise nor the regulator; 404 for an
     * enterprise that does not own the request, and for a request that does not exist.
     */
    public Page<Entry> of(Caller caller, UUID requestId, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.ENTERPRISE, Role.REGULATOR);
        FinancingRequest request = requests.find(requestId)
                .filter(r -> caller.has(Role.REGULATOR) || caller.belongsTo(r.organizationId()))
                .orElseThrow(
                        () -> new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.financing-request-not-found"));
        Map<UUID, String> banks = names(bidParties.bidsOn(requestId));
        Map<UUID, String> guarantors = names(bidParties.guaranteeOffersOn(requestId));
        // an interest is recorded against the request it is in
        Map<String, List<UUID>> things = Map.of(
                "financing-request", List.of(request.id()),
                "investment-interest", List.of(request.id()),
                "bid", List.copyOf(banks.keySet()),
                "guarantee-offer", List.copyOf(guarantors.keySet()));
        Page<RecordedChange> changes = audit.about(things, ACTIONS, cursor, limit);
        List<Entry> entries = changes.items().stream()
                .map(change -> entry(caller, change, banks, guarantors))
                .toList();
        return new Page<>(entries, changes.nextCursor());
    }

    private static Entry entry(
            Caller caller, RecordedChange change, Map<UUID, String> banks, Map<UUID, String> guarantors) {
        UUID actor = change.actorOrganization();
        boolean personShown = caller.has(Role.REGULATOR) || (actor != null && caller.belongsTo(actor));
        boolean onBid = change.entityType().equals("bid");
        boolean onOffer = change.entityType().equals("guarantee-offer");
        return new Entry(
                change.id(),
                change.occurredAt(),
                change.action(),
                actor,
                change.actorOrganizationName(),
                personShown ? change.actorSubject() : null,
                onBid ? change.entityId() : null,
                onBid ? banks.get(change.entityId()) : null,
                onOffer ? change.entityId() : null,
                onOffer ? guarantors.get(change.entityId()) : null);
    }

    private static Map<UUID, String> names(List<BidParties.Made> made) {
        return made.stream()
                .collect(Collectors.toMap(BidParties.Made::id, BidParties.Made::organizationName, (a, b) -> a));
    }

    /**
     * One entry of a request's history.
     *
     * @param action                the audit action, e.g. {@code bid.submitted}
     * @param actorOrganization     who did it; null when the platform did (e.g. the request expired)
     * @param actorSubject          the person who did it, only when the reader may know
     * @param bidId                 the bid, on an entry about one, with its bank's name
     * @param guaranteeOfferId      the guarantee offer, on an entry about one, with its guarantor's name
     */
    public record Entry(
            UUID id,
            Instant occurredAt,
            String action,
            @Nullable UUID actorOrganization,
            @Nullable String actorOrganizationName,
            @Nullable String actorSubject,
            @Nullable UUID bidId,
            @Nullable String bankName,
            @Nullable UUID guaranteeOfferId,
            @Nullable String guarantorName) {}
}
