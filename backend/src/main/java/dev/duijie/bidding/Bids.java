package dev.duijie.bidding;

import dev.duijie.financing.BidParties;
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

/** Bids in PostgreSQL. */
@Repository
class Bids {

    private static final String SELECT = """
            select b.*, bank.name as bank_name, guarantor.name as guarantor_name
            from bid b
            join organization_directory bank on bank.id = b.bank_organization_id
            left join organization_directory guarantor on guarantor.id = b.guarantor_organization_id
            """;

    private final JdbcClient jdbc;

    Bids(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Bid> find(UUID id) {
        return jdbc.sql(SELECT + " where b.id = :id")
                .param("id", id)
                .query(Bids::map)
                .optional();
    }

    /** Reads and locks a bid until the transaction ends (accepting it, against a concurrent withdrawal). */
    Optional<Bid> lock(UUID id) {
        return jdbc.sql(SELECT + " where b.id = :id for update of b")
                .param("id", id)
                .query(Bids::map)
                .optional();
    }

    /** Newest first: the bids on one request, or the bids one organization is on (as bank or guarantor). */
    List<Bid> newestFirst(@Nullable UUID requestId, @Nullable UUID party, @Nullable PageCursor after, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        if (requestId != null) {
            sql.append(" and b.financing_request_id = :requestId");
            params.put("requestId", requestId);
        }
        if (party != null) {
            sql.append(" and (b.bank_organization_id = :party or b.guarantor_organization_id = :party)");
            params.put("party", party);
        }
        PageCursor.newestFirst(sql, params, "b.created_at", "b.id", after, limit);
        return jdbc.sql(sql.toString()).params(params).query(Bids::map).list();
    }

    /** Whether an organization is on a bid on this request (as the bank or the guarantor), in any state. */
    boolean hasParty(UUID requestId, UUID organizationId) {
        return jdbc.sql("""
                select exists (select 1 from bid where financing_request_id = :requestId
                    and (bank_organization_id = :organization or guarantor_organization_id = :organization))""")
                .param("requestId", requestId)
                .param("organization", organizationId)
                .query(Boolean.class)
                .single();
    }

    boolean hasLiveBid(UUID requestId, UUID bankOrganizationId) {
        return jdbc.sql("""
                select exists (select 1 from bid where financing_request_id = :requestId
                    and bank_organization_id = :bank and status in ('submitted', 'accepted'))""")
                .param("requestId", requestId)
                .param("bank", bankOrganizationId)
                .query(Boolean.class)
                .single();
    }

    void insert(
            UUID id,
            UUID requestId,
            UUID bankOrganizationId,
            BidTerms terms,
            @Nullable GuaranteeSnapshot guarantee,
            long fundExposureFen,
            Instant now,
            String createdBy) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("requestId", requestId);
        params.put("bank", bankOrganizationId);
        params.put("amountFen", terms.amountFen());
        params.put("annualRateBp", terms.annualRateBp());
        params.put("termMonths", terms.termMonths());
        params.put("feesFen", terms.feesFen());
        params.put("conditions", terms.conditions());
        params.put("validUntil", Timestamp.from(terms.validUntil()));
        params.put("loanProductId", terms.loanProductId());
        params.put("guarantor", guarantee == null ? null : guarantee.guarantorOrganizationId());
        params.put("guaranteeProductId", guarantee == null ? null : guarantee.guaranteeProductId());
        params.put("coverageBp", guarantee == null ? null : guarantee.coverageBp());
        params.put("feeRateBp", guarantee == null ? null : guarantee.feeRateBp());
        params.put("decision", guarantee == null ? null : guarantee.confirmed() ? "confirmed" : "pending");
        params.put("bankShareBp", terms.riskSplit().bankShareBp());
        params.put("guarantorShareBp", terms.riskSplit().guarantorShareBp());
        params.put("fundShareBp", terms.riskSplit().fundShareBp());
        params.put("policyBasis", terms.policyBasis().toArray(String[]::new));
        params.put("fundExposureFen", fundExposureFen);
        params.put("now", Timestamp.from(now));
        params.put("createdBy", createdBy);
        jdbc.sql("""
                insert into bid (id, financing_request_id, bank_organization_id, status, amount_fen, annual_rate_bp,
                    term_months, fees_fen, conditions, valid_until, loan_product_id, guarantor_organization_id,
                    guarantee_product_id, guarantee_coverage_bp, guarantee_fee_rate_bp, guarantor_decision,
                    bank_share_bp, guarantor_share_bp, fund_share_bp, policy_basis, fund_exposure_fen,
                    created_at, updated_at, created_by)
                values (:id, :requestId, :bank, 'submitted', :amountFen, :annualRateBp, :termMonths, :feesFen,
                    :conditions, :validUntil, :loanProductId, :guarantor, :guaranteeProductId, :coverageBp, :feeRateBp,
                    :decision, :bankShareBp, :guarantorShareBp, :fundShareBp, :policyBasis, :fundExposureFen,
                    :now, :now, :createdBy)""").params(params).update();
    }

    /**
     * The guarantee terms copied onto a bid: from the guarantor's product, or from its offer the enterprise
     * accepted (then confirmed from the start).
     */
    record GuaranteeSnapshot(
            UUID guarantorOrganizationId, UUID guaranteeProductId, int coverageBp, int feeRateBp, boolean confirmed) {}

    /** Sets the guarantor's decision (with its reason for a decline) if still pending; returns whether it did. */
    boolean decideGuarantee(UUID id, GuarantorDecision decision, @Nullable Reason reason, Instant now) {
        return jdbc.sql("""
                update bid set guarantor_decision = :decision, guarantor_decline_reason = :reason,
                    guarantor_decline_note = :note, updated_at = :now, version = version + 1
                where id = :id and status = 'submitted' and guarantor_decision = 'pending'""")
                        .param("decision", decision.name().toLowerCase(Locale.ROOT))
                        .param("reason", reason == null ? null : reason.code())
                        .param("note", reason == null ? null : reason.note())
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The submitted bids on a request that name this guarantor and guarantee product, locked. */
    List<Bid> submittedNaming(UUID requestId, UUID guarantor, UUID guaranteeProductId) {
        return jdbc.sql(SELECT + """
                 where b.financing_request_id = :requestId and b.status = 'submitted'
                   and b.guarantor_organization_id = :guarantor and b.guarantee_product_id = :product
                 for update of b""")
                .param("requestId", requestId)
                .param("guarantor", guarantor)
                .param("product", guaranteeProductId)
                .query(Bids::map)
                .list();
    }

    /** Puts an accepted guarantee offer's coverage, fee and the resulting decision on a submitted bid. */
    void bindGuarantee(UUID id, int coverageBp, int feeRateBp, GuarantorDecision decision, Instant now) {
        jdbc.sql("""
                update bid set guarantee_coverage_bp = :coverage, guarantee_fee_rate_bp = :fee,
                    guarantor_decision = :decision, updated_at = :now, version = version + 1
                where id = :id and status = 'submitted'""")
                .param("coverage", coverageBp)
                .param("fee", feeRateBp)
                .param("decision", decision.name().toLowerCase(Locale.ROOT))
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    /** Moves a submitted bid to {@code status}; returns whether it did. */
    boolean settle(UUID id, BidStatus status, Instant now) {
        return jdbc.sql("""
                update bid set status = :status, updated_at = :now, version = version + 1
                where id = :id and status = 'submitted'""")
                        .param("status", status.name().toLowerCase(Locale.ROOT))
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The submitted bids on any of these requests. */
    List<Bid> submittedOnAny(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where b.financing_request_id in (:requestIds) and b.status = 'submitted'")
                .param("requestIds", requestIds)
                .query(Bids::map)
                .list();
    }

    /** Ids of the submitted bids on a request (to decline when it closes). */
    List<UUID> submittedOn(UUID requestId) {
        return jdbc.sql(
                        "select id from bid where financing_request_id = :requestId and status = 'submitted' for update")
                .param("requestId", requestId)
                .query(Columns::id)
                .list();
    }

    private static @Nullable Reason declineReason(ResultSet rs) throws SQLException {
        String code = rs.getString("guarantor_decline_reason");
        return code == null ? null : new Reason(code, rs.getString("guarantor_decline_note"));
    }

    /** Every bid on a request, in any state, with its bank's name (for the request's history). */
    List<BidParties.Made> madeOn(UUID requestId) {
        return jdbc.sql("""
                select b.id, bank.name
                from bid b join organization_directory bank on bank.id = b.bank_organization_id
                where b.financing_request_id = :requestId""")
                .param("requestId", requestId)
                .query((rs, row) -> new BidParties.Made(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
    }

    private static Bid map(ResultSet rs, int row) throws SQLException {
        UUID guarantor = rs.getObject("guarantor_organization_id", UUID.class);
        Guarantee guarantee = guarantor == null
                ? null
                : new Guarantee(
                        guarantor,
                        rs.getString("guarantor_name"),
                        rs.getObject("guarantee_product_id", UUID.class),
                        rs.getInt("guarantee_coverage_bp"),
                        rs.getInt("guarantee_fee_rate_bp"),
                        GuarantorDecision.valueOf(
                                rs.getString("guarantor_decision").toUpperCase(Locale.ROOT)),
                        declineReason(rs));
        return new Bid(
                rs.getObject("id", UUID.class),
                rs.getObject("financing_request_id", UUID.class),
                rs.getObject("bank_organization_id", UUID.class),
                rs.getString("bank_name"),
                BidStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getLong("amount_fen"),
                rs.getInt("annual_rate_bp"),
                rs.getInt("term_months"),
                rs.getLong("fees_fen"),
                rs.getString("conditions"),
                rs.getTimestamp("valid_until").toInstant(),
                rs.getObject("loan_product_id", UUID.class),
                guarantee,
                new RiskSplit(rs.getInt("bank_share_bp"), rs.getInt("guarantor_share_bp"), rs.getInt("fund_share_bp")),
                SqlArrays.strings(rs.getArray("policy_basis")),
                rs.getLong("fund_exposure_fen"),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
