package dev.duijie.offer;

import dev.duijie.audit.AuditTrail;
import dev.duijie.financing.FinancingRequest;
import dev.duijie.financing.FinancingRequestService;
import dev.duijie.organization.Organization;
import dev.duijie.organization.OrganizationService;
import dev.duijie.organization.OrganizationType;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.Page;
import dev.duijie.shared.PageCursor;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returning-hometown investors express interest in open requests and list their own; the requesting enterprise
 * sees who.
 */
@Service
public class InterestService {

    private static final String SELECT = """
            select i.financing_request_id, i.investor_organization_id, o.name as investor_name, i.investment_offer_id,
                   i.note, i.created_at
            from investment_interest i join organization_directory o on o.id = i.investor_organization_id
            """;

    private final JdbcClient jdbc;
    private final FinancingRequestService requests;
    private final OrganizationService organizations;
    private final InvestmentOffers offers;
    private final AuditTrail audit;
    private final Clock clock;

    InterestService(
            JdbcClient jdbc,
            FinancingRequestService requests,
            OrganizationService organizations,
            InvestmentOffers offers,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.organizations = organizations;
        this.offers = offers;
        this.audit = audit;
        this.clock = clock;
    }

    /** One interest per investor and request; expressing it again replaces the note and offer. */
    @Transactional
    public Interest express(Caller caller, UUID requestId, @Nullable UUID offerId, @Nullable String note) {
        caller.requireAnyRole(Role.INVESTOR);
        Organization investor = organizations.requireVerified(caller, OrganizationType.INVESTOR_GROUP);
        requests.openToLenders(requestId);
        Instant now = clock.instant();
        if (offerId != null
                && offers.find(offerId)
                        .filter(offer -> offer.state().organizationId().equals(investor.id()))
                        .filter(offer -> offer.state().status() == OfferStatus.ACTIVE)
                        .isEmpty()) {
            throw DomainProblem.invalidField("investmentOfferId", "field.investment-offer");
        }
        Optional<Interest> before = find(requestId, investor.id());
        jdbc.sql("""
                insert into investment_interest (financing_request_id, investor_organization_id, investment_offer_id,
                    note, created_at, created_by)
                values (:requestId, :investor, :offerId, :note, :now, :createdBy)
                on conflict (financing_request_id, investor_organization_id) do update
                set investment_offer_id = excluded.investment_offer_id, note = excluded.note""")
                .param("requestId", requestId)
                .param("investor", investor.id())
                .param("offerId", offerId)
                .param("note", note)
                .param("now", Timestamp.from(now))
                .param("createdBy", caller.subject())
                .update();
        Interest after = find(requestId, investor.id()).orElseThrow();
        audit.record(
                caller, "investment-interest.expressed", "investment-interest", requestId, before.orElse(null), after);
        return after;
    }

    /** The investors interested in the caller's own request. */
    public List<Interest> onRequest(Caller caller, UUID requestId) {
        caller.requireAnyRole(Role.ENTERPRISE);
        if (!requests.ownerOf(requestId).map(caller::belongsTo).orElse(false)) {
            throw new DomainProblem(ProblemType.NOT_FOUND, "problem.detail.financing-request-not-found");
        }
        return jdbc.sql(SELECT + " where i.financing_request_id = :requestId order by i.created_at desc limit 1000")
                .param("requestId", requestId)
                .query(InterestService::map)
                .list();
    }

    /**
     * How many investors are interested in each of these requests; a request with none is absent. For a caller that
     * has already checked the requests are its own (the firm's view of what waits on its requests).
     */
    public Map<UUID, Integer> countsOn(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                        select financing_request_id, count(*) as n from investment_interest
                        where financing_request_id in (:requestIds) group by financing_request_id""")
                .param("requestIds", requestIds)
                .query((rs, row) -> Map.entry(rs.getObject("financing_request_id", UUID.class), rs.getInt("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The interests the caller's investor organization expressed, newest first (by when each was first
     * expressed), each with its request exactly as {@link FinancingRequestService#get} would give it to the
     * caller now: none once the request left the market, so a closed request tells no more than a 404 would.
     */
    public Page<MyInterest> mine(Caller caller, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.INVESTOR);
        UUID investor = caller.requireOrganization();
        Map<String, Object> params = new HashMap<>();
        params.put("investor", investor);
        StringBuilder sql = new StringBuilder(SELECT).append(" where i.investor_organization_id = :investor");
        PageCursor.newestFirst(
                sql, params, "i.created_at", "i.financing_request_id", PageCursor.decode(cursor), limit + 1);
        Page<Interest> page = Page.of(
                jdbc.sql(sql.toString())
                        .params(params)
                        .query(InterestService::map)
                        .list(),
                limit,
                interest -> new PageCursor(interest.createdAt(), interest.financingRequestId()));
        Map<UUID, FinancingRequest> readable = requests.readable(
                caller, page.items().stream().map(Interest::financingRequestId).toList());
        return new Page<>(
                page.items().stream()
                        .map(interest -> new MyInterest(interest, readable.get(interest.financingRequestId())))
                        .toList(),
                page.nextCursor());
    }

    private Optional<Interest> find(UUID requestId, UUID investor) {
        return jdbc.sql(SELECT
                        + " where i.financing_request_id = :requestId and i.investor_organization_id = :investor")
                .param("requestId", requestId)
                .param("investor", investor)
                .query(InterestService::map)
                .optional();
    }

    private static Interest map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Interest(
                rs.getObject("financing_request_id", UUID.class),
                rs.getObject("investor_organization_id", UUID.class),
                rs.getString("investor_name"),
                rs.getObject("investment_offer_id", UUID.class),
                rs.getString("note"),
                rs.getTimestamp("created_at").toInstant());
    }
}
