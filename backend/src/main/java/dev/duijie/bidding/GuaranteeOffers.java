package dev.duijie.bidding;

import dev.duijie.financing.BidParties;
import dev.duijie.shared.Columns;
import dev.duijie.shared.PageCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Guarantors' own guarantee offers in PostgreSQL. */
@Repository
class GuaranteeOffers {

    private static final String SELECT = """
            select g.id, g.financing_request_id, g.guarantor_organization_id, o.name as guarantor_name,
                   g.guarantee_product_id, g.status, g.coverage_ratio_bp, g.annual_fee_rate_bp, g.conditions,
                   g.valid_until, g.version, g.created_at, g.updated_at
            from guarantee_offer g join organization_directory o on o.id = g.guarantor_organization_id""";

    private final JdbcClient jdbc;

    GuaranteeOffers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<GuaranteeOffer> find(UUID id) {
        return jdbc.sql(SELECT + " where g.id = :id")
                .param("id", id)
                .query(GuaranteeOffers::map)
                .optional();
    }

    Optional<GuaranteeOffer> lock(UUID id) {
        return jdbc.sql(SELECT + " where g.id = :id for update of g")
                .param("id", id)
                .query(GuaranteeOffers::map)
                .optional();
    }

    /** Newest first: on one request, or one guarantor's, or both. */
    List<GuaranteeOffer> newestFirst(
            @Nullable UUID requestId, @Nullable UUID guarantor, @Nullable PageCursor after, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        if (requestId != null) {
            sql.append(" and g.financing_request_id = :request");
            params.put("request", requestId);
        }
        if (guarantor != null) {
            sql.append(" and g.guarantor_organization_id = :guarantor");
            params.put("guarantor", guarantor);
        }
        PageCursor.newestFirst(sql, params, "g.created_at", "g.id", after, limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(GuaranteeOffers::map)
                .list();
    }

    /** The offer the requesting enterprise accepted on a request, if any. */
    Optional<GuaranteeOffer> accepted(UUID requestId) {
        return jdbc.sql(SELECT + " where g.financing_request_id = :request and g.status = 'accepted'")
                .param("request", requestId)
                .query(GuaranteeOffers::map)
                .optional();
    }

    void insert(UUID id, UUID requestId, UUID guarantor, GuaranteeOffer.Terms terms, Instant now, String createdBy) {
        jdbc.sql("""
                insert into guarantee_offer (id, financing_request_id, guarantor_organization_id, guarantee_product_id,
                    status, coverage_ratio_bp, annual_fee_rate_bp, conditions, valid_until, created_at, updated_at,
                    created_by)
                values (:id, :request, :guarantor, :product, 'submitted', :coverage, :fee, :conditions, :validUntil,
                    :now, :now, :createdBy)""")
                .param("id", id)
                .param("request", requestId)
                .param("guarantor", guarantor)
                .param("product", terms.guaranteeProductId())
                .param("coverage", terms.coverageRatioBp())
                .param("fee", terms.annualFeeRateBp())
                .param("conditions", terms.conditions())
                .param("validUntil", Timestamp.from(terms.validUntil()))
                .param("now", Timestamp.from(now))
                .param("createdBy", createdBy)
                .update();
    }

    /** submitted → {@code status}; false when the offer was no longer submitted. */
    boolean settle(UUID id, GuaranteeOffer.Status status, Instant now) {
        return jdbc.sql("""
                update guarantee_offer set status = :status, updated_at = :now, version = version + 1
                where id = :id and status = 'submitted'""")
                        .param("id", id)
                        .param("status", status.name().toLowerCase(Locale.ROOT))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /**
     * Ids of the submitted offers on a request, locked (to decline when the request closes or another offer is
     * accepted): a concurrent withdrawal is waited for, and an offer it withdrew is no longer among them.
     */
    List<UUID> submittedOn(UUID requestId) {
        return jdbc.sql(
                        "select id from guarantee_offer where financing_request_id = :request and status = 'submitted' for update")
                .param("request", requestId)
                .query(Columns::id)
                .list();
    }

    /** How many submitted (unanswered) offers each of these requests has; a request with none is absent. */
    Map<UUID, Integer> submittedCounts(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                        select financing_request_id, count(*) as n from guarantee_offer
                        where financing_request_id in (:requestIds) and status = 'submitted'
                        group by financing_request_id""")
                .param("requestIds", requestIds)
                .query((rs, row) -> Map.entry(rs.getObject("financing_request_id", UUID.class), rs.getInt("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every offer on a request, in any state, with its guarantor's name (for the request's history). */
    List<BidParties.Made> madeOn(UUID requestId) {
        return jdbc.sql("""
                select g.id, o.name
                from guarantee_offer g join organization_directory o on o.id = g.guarantor_organization_id
                where g.financing_request_id = :request""")
                .param("request", requestId)
                .query((rs, row) -> new BidParties.Made(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
    }

    private static GuaranteeOffer map(ResultSet rs, int row) throws SQLException {
        return new GuaranteeOffer(
                rs.getObject("id", UUID.class),
                rs.getObject("financing_request_id", UUID.class),
                rs.getObject("guarantor_organization_id", UUID.class),
                rs.getString("guarantor_name"),
                rs.getObject("guarantee_product_id", UUID.class),
                GuaranteeOffer.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getInt("coverage_ratio_bp"),
                rs.getInt("annual_fee_rate_bp"),
                rs.getString("conditions"),
                rs.getTimestamp("valid_until").toInstant(),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
