package dev.duijie.financing;

import dev.duijie.shared.Columns;
import dev.duijie.shared.PageCursor;
import dev.duijie.shared.SqlArrays;
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
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Financing requests in PostgreSQL. Updates are conditional on the version read (optimistic locking). */
@Repository
class FinancingRequests {

    private static final String SELECT = """
            select r.id, r.organization_id, o.name as organization_name, o.verified as organization_verified,
                   o.tier as organization_tier,
                   r.status, r.title, r.purpose, r.description, r.amount_fen, r.term_months, r.industry, r.region,
                   r.collateral_offered, r.guarantee_wanted, r.max_annual_rate_bp, r.bid_deadline, r.published_at,
                   r.awarded_bid_id, r.version, r.created_at, r.updated_at
            from financing_request r join organization_directory o on o.id = r.organization_id
            """;

    private final JdbcClient jdbc;

    FinancingRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FinancingRequest> find(UUID id) {
        return jdbc.sql(SELECT + " where r.id = :id")
                .param("id", id)
                .query(FinancingRequests::map)
                .optional();
    }

    public List<FinancingRequest> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where r.id in (:ids)")
                .param("ids", ids)
                .query(FinancingRequests::map)
                .list();
    }

    List<FinancingRequest> ownNewestFirst(
            UUID organizationId, @Nullable FinancingRequestStatus status, @Nullable PageCursor after, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("organizationId", organizationId);
        StringBuilder sql = new StringBuilder(SELECT).append(" where r.organization_id = :organizationId");
        if (status != null) {
            sql.append(" and r.status = :status");
            params.put("status", dbValue(status));
        }
        PageCursor.newestFirst(sql, params, "r.created_at", "r.id", after, limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(FinancingRequests::map)
                .list();
    }

    void insert(UUID id, UUID organizationId, RequestContent content, Instant now, String createdBy) {
        jdbc.sql("""
                insert into financing_request (id, organization_id, status, title, purpose, description, amount_fen,
                    term_months, industry, region, collateral_offered, guarantee_wanted, max_annual_rate_bp,
                    created_at, updated_at, created_by)
                values (:id, :organizationId, 'draft', :title, :purpose, :description, :amountFen, :termMonths,
                    :industry, :region, :collateralOffered, :guaranteeWanted, :maxAnnualRateBp, :now, :now, :createdBy)""")
                .param("id", id)
                .param("organizationId", organizationId)
                .params(contentParams(content))
                .param("now", Timestamp.from(now))
                .param("createdBy", createdBy)
                .update();
    }

    /** Replaces a draft's content if it is still at {@code version}; returns whether it did. */
    boolean updateDraft(UUID id, long version, RequestContent content, Instant now) {
        return jdbc.sql("""
                update financing_request
                set title = :title, purpose = :purpose, description = :description, amount_fen = :amountFen,
                    term_months = :termMonths, industry = :industry, region = :region,
                    collateral_offered = :collateralOffered, guarantee_wanted = :guaranteeWanted,
                    max_annual_rate_bp = :maxAnnualRateBp, version = version + 1, updated_at = :now
                where id = :id and version = :version and status = 'draft'""")
                        .params(contentParams(content))
                        .param("id", id)
                        .param("version", version)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** draft → open if still at {@code version}; returns whether it did. */
    boolean publish(UUID id, long version, Instant bidDeadline, Instant now) {
        return jdbc.sql("""
                update financing_request
                set status = 'open', bid_deadline = :bidDeadline, published_at = :now, updated_at = :now,
                    version = version + 1
                where id = :id and version = :version and status = 'draft'""")
                        .param("id", id)
                        .param("version", version)
                        .param("bidDeadline", Timestamp.from(bidDeadline))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** draft or open → withdrawn if still at {@code version}; returns whether it did. */
    boolean withdraw(UUID id, long version, Instant now) {
        return jdbc.sql("""
                update financing_request
                set status = 'withdrawn', withdrawn_at = :now, updated_at = :now, version = version + 1
                where id = :id and version = :version and status in ('draft', 'open')""")
                        .param("id", id)
                        .param("version", version)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Reads and locks the row until the transaction ends: concurrent awards and withdrawals queue behind it. */
    Optional<FinancingRequest> lock(UUID id) {
        return jdbc.sql(SELECT + " where r.id = :id for update of r")
                .param("id", id)
                .query(FinancingRequests::map)
                .optional();
    }

    /**
     * Reads the row with a shared lock until the transaction ends: bids and interest being placed hold it,
     * so a close (which needs the row exclusively) waits for them, and they wait for a close in progress.
     */
    Optional<FinancingRequest> lockShared(UUID id) {
        return jdbc.sql(SELECT + " where r.id = :id for share of r")
                .param("id", id)
                .query(FinancingRequests::map)
                .optional();
    }

    /** open → awarded to a bid; returns whether it did. */
    boolean award(UUID id, UUID bidId, Instant now) {
        return jdbc.sql("""
                update financing_request
                set status = 'awarded', awarded_bid_id = :bidId, closed_at = :now, updated_at = :now, version = version + 1
                where id = :id and status = 'open'""")
                        .param("id", id)
                        .param("bidId", bidId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Open requests whose bid deadline has passed, locked; several backend instances never take the same one. */
    List<FinancingRequest> lockDueForExpiry(Instant now, int limit) {
        return jdbc.sql(SELECT + " where r.status = 'open' and r.bid_deadline <= :now"
                        + " order by r.bid_deadline limit :limit for update of r skip locked")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(FinancingRequests::map)
                .list();
    }

    void expire(UUID id, Instant now) {
        jdbc.sql("""
                update financing_request
                set status = 'expired', closed_at = :now, updated_at = :now, version = version + 1
                where id = :id and status = 'open'""").param("id", id).param("now", Timestamp.from(now)).update();
    }

    /** Ids of every open request (for filling a new search index). */
    List<UUID> openIds() {
        return jdbc.sql("select id from financing_request where status = 'open'")
                .query(Columns::id)
                .list();
    }

    private static Map<String, Object> contentParams(RequestContent content) {
        Map<String, Object> params = new HashMap<>();
        params.put("title", content.title());
        params.put("purpose", content.purpose());
        params.put("description", content.description());
        params.put("amountFen", content.amountFen());
        params.put("termMonths", content.termMonths());
        params.put("industry", content.industry());
        params.put("region", content.region());
        params.put("collateralOffered", content.collateralOffered().toArray(String[]::new));
        params.put("guaranteeWanted", content.guaranteeWanted());
        params.put("maxAnnualRateBp", content.maxAnnualRateBp());
        return params;
    }

    private static String dbValue(FinancingRequestStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static FinancingRequest map(ResultSet rs, int row) throws SQLException {
        return new FinancingRequest(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("organization_name"),
                rs.getBoolean("organization_verified"),
                rs.getString("organization_tier"),
                FinancingRequestStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                new RequestContent(
                        rs.getString("title"),
                        rs.getString("purpose"),
                        rs.getString("description"),
                        rs.getLong("amount_fen"),
                        rs.getInt("term_months"),
                        rs.getString("industry"),
                        rs.getString("region"),
                        SqlArrays.strings(rs.getArray("collateral_offered")),
                        rs.getBoolean("guarantee_wanted"),
                        rs.getInt("max_annual_rate_bp")),
                instant(rs.getTimestamp("bid_deadline")),
                instant(rs.getTimestamp("published_at")),
                rs.getObject("awarded_bid_id", UUID.class),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
