package dev.duijie.offer;

import dev.duijie.shared.SqlArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loan products in PostgreSQL. */
@Repository
public class LoanProducts extends OfferTable<LoanProduct, LoanTerms> {

    private static final String SELECT = "select " + OfferState.COLUMNS + """
            , p.name, p.description, p.amount_min_fen, p.amount_max_fen, p.term_min_months, p.term_max_months,
              p.rate_min_bp, p.rate_max_bp, p.industries, p.regions, p.tiers, p.collateral_accepted,
              p.guarantee_required, p.policy_tags
            from loan_product p join organization o on o.id = p.organization_id
            """;

    LoanProducts(JdbcClient jdbc) {
        super(jdbc, SELECT, LoanProducts::map);
    }

    @Override
    public OfferKind kind() {
        return OfferKind.LOAN_PRODUCT;
    }

    @Override
    public void insert(UUID id, UUID organizationId, LoanTerms terms, Instant now, String createdBy) {
        jdbc.sql("""
                insert into loan_product (id, organization_id, status, name, description, amount_min_fen, amount_max_fen,
                    term_min_months, term_max_months, rate_min_bp, rate_max_bp, industries, regions, tiers,
                    collateral_accepted, guarantee_required, policy_tags, created_at, updated_at, created_by)
                values (:id, :organizationId, 'draft', :name, :description, :amountMinFen, :amountMaxFen,
                    :termMinMonths, :termMaxMonths, :rateMinBp, :rateMaxBp, :industries, :regions, :tiers,
                    :collateralAccepted, :guaranteeRequired, :policyTags, :now, :now, :createdBy)""")
                .params(termParams(terms))
                .param("id", id)
                .param("organizationId", organizationId)
                .param("now", Timestamp.from(now))
                .param("createdBy", createdBy)
                .update();
    }

    @Override
    public boolean update(UUID id, long version, LoanTerms terms, Instant now) {
        return jdbc.sql("""
                update loan_product
                set name = :name, description = :description, amount_min_fen = :amountMinFen,
                    amount_max_fen = :amountMaxFen, term_min_months = :termMinMonths, term_max_months = :termMaxMonths,
                    rate_min_bp = :rateMinBp, rate_max_bp = :rateMaxBp, industries = :industries, regions = :regions,
                    tiers = :tiers, collateral_accepted = :collateralAccepted, guarantee_required = :guaranteeRequired,
                    policy_tags = :policyTags, version = version + 1, updated_at = :now
                where id = :id and version = :version and status <> 'retired'""")
                .params(termParams(terms))
                .param("id", id)
                .param("version", version)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    private static Map<String, Object> termParams(LoanTerms terms) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", terms.name());
        params.put("description", terms.description());
        params.put("amountMinFen", terms.amountMinFen());
        params.put("amountMaxFen", terms.amountMaxFen());
        params.put("termMinMonths", terms.termMinMonths());
        params.put("termMaxMonths", terms.termMaxMonths());
        params.put("rateMinBp", terms.rateMinBp());
        params.put("rateMaxBp", terms.rateMaxBp());
        params.put("industries", terms.industries().toArray(String[]::new));
        params.put("regions", terms.regions().toArray(String[]::new));
        params.put("tiers", terms.tiers().toArray(String[]::new));
        params.put("collateralAccepted", terms.collateralAccepted().toArray(String[]::new));
        params.put("guaranteeRequired", terms.guaranteeRequired());
        params.put("policyTags", terms.policyTags().toArray(String[]::new));
        return params;
    }

    private static LoanProduct map(ResultSet rs, int row) throws SQLException {
        return new LoanProduct(OfferState.map(rs), new LoanTerms(
                rs.getString("name"),
                rs.getString("description"),
                rs.getLong("amount_min_fen"),
                rs.getLong("amount_max_fen"),
                rs.getInt("term_min_months"),
                rs.getInt("term_max_months"),
                rs.getInt("rate_min_bp"),
                rs.getInt("rate_max_bp"),
                SqlArrays.strings(rs.getArray("industries")),
                SqlArrays.strings(rs.getArray("regions")),
                SqlArrays.strings(rs.getArray("tiers")),
                SqlArrays.strings(rs.getArray("collateral_accepted")),
                rs.getBoolean("guarantee_required"),
                SqlArrays.strings(rs.getArray("policy_tags"))));
    }
}
