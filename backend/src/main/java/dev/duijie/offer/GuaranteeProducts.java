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

/** Guarantee products in PostgreSQL. */
@Repository
public class GuaranteeProducts extends OfferTable<GuaranteeProduct, GuaranteeTerms> {

    private static final String SELECT = "select " + OfferState.COLUMNS + """
            , p.name, p.description, p.max_amount_fen, p.coverage_ratio_bp, p.annual_fee_rate_bp, p.industries,
              p.tiers, p.counter_guarantee_required
            from guarantee_product p join organization o on o.id = p.organization_id
            """;

    GuaranteeProducts(JdbcClient jdbc) {
        super(jdbc, SELECT, GuaranteeProducts::map);
    }

    @Override
    public OfferKind kind() {
        return OfferKind.GUARANTEE_PRODUCT;
    }

    @Override
    public void insert(UUID id, UUID organizationId, GuaranteeTerms terms, Instant now, String createdBy) {
        jdbc.sql("""
                insert into guarantee_product (id, organization_id, status, name, description, max_amount_fen,
                    coverage_ratio_bp, annual_fee_rate_bp, industries, tiers, counter_guarantee_required,
                    created_at, updated_at, created_by)
                values (:id, :organizationId, 'draft', :name, :description, :maxAmountFen, :coverageRatioBp,
                    :annualFeeRateBp, :industries, :tiers, :counterGuaranteeRequired, :now, :now, :createdBy)""")
                .params(termParams(terms))
                .param("id", id)
                .param("organizationId", organizationId)
                .param("now", Timestamp.from(now))
                .param("createdBy", createdBy)
                .update();
    }

    @Override
    public boolean update(UUID id, long version, GuaranteeTerms terms, Instant now) {
        return jdbc.sql("""
                update guarantee_product
                set name = :name, description = :description, max_amount_fen = :maxAmountFen,
                    coverage_ratio_bp = :coverageRatioBp, annual_fee_rate_bp = :annualFeeRateBp,
                    industries = :industries, tiers = :tiers, counter_guarantee_required = :counterGuaranteeRequired,
                    version = version + 1, updated_at = :now
                where id = :id and version = :version and status <> 'retired'""")
                .params(termParams(terms))
                .param("id", id)
                .param("version", version)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    private static Map<String, Object> termParams(GuaranteeTerms terms) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", terms.name());
        params.put("description", terms.description());
        params.put("maxAmountFen", terms.maxAmountFen());
        params.put("coverageRatioBp", terms.coverageRatioBp());
        params.put("annualFeeRateBp", terms.annualFeeRateBp());
        params.put("industries", terms.industries().toArray(String[]::new));
        params.put("tiers", terms.tiers().toArray(String[]::new));
        params.put("counterGuaranteeRequired", terms.counterGuaranteeRequired());
        return params;
    }

    private static GuaranteeProduct map(ResultSet rs, int row) throws SQLException {
        return new GuaranteeProduct(OfferState.map(rs), new GuaranteeTerms(
                rs.getString("name"),
                rs.getString("description"),
                rs.getLong("max_amount_fen"),
                rs.getInt("coverage_ratio_bp"),
                rs.getInt("annual_fee_rate_bp"),
                SqlArrays.strings(rs.getArray("industries")),
                SqlArrays.strings(rs.getArray("tiers")),
                rs.getBoolean("counter_guarantee_required")));
    }
}
