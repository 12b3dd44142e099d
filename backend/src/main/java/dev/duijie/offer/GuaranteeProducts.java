package dev.duijie.offer;

import dev.duijie.shared.SqlArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Guarantee products in PostgreSQL. */
@Repository
class GuaranteeProducts extends OfferTable<GuaranteeProduct, GuaranteeTerms> {

    private static final String SELECT = "select " + OfferState.COLUMNS + """
            , p.name, p.description, p.max_amount_fen, p.coverage_ratio_bp, p.annual_fee_rate_bp, p.industries,
              p.tiers, p.counter_guarantee_required
            from guarantee_product p join organization_directory o on o.id = p.organization_id
            """;

    GuaranteeProducts(JdbcClient jdbc) {
        super(jdbc, SELECT, GuaranteeProducts::map);
    }

    @Override
    public OfferKind kind() {
        return OfferKind.GUARANTEE_PRODUCT;
    }

    @Override
    protected Map<String, Object> termColumns(GuaranteeTerms terms) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("name", terms.name());
        columns.put("description", terms.description());
        columns.put("max_amount_fen", terms.maxAmountFen());
        columns.put("coverage_ratio_bp", terms.coverageRatioBp());
        columns.put("annual_fee_rate_bp", terms.annualFeeRateBp());
        columns.put("industries", terms.industries().toArray(String[]::new));
        columns.put("tiers", terms.tiers().toArray(String[]::new));
        columns.put("counter_guarantee_required", terms.counterGuaranteeRequired());
        return columns;
    }

    private static GuaranteeProduct map(ResultSet rs, int row) throws SQLException {
        return new GuaranteeProduct(
                OfferState.map(rs),
                new GuaranteeTerms(
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
