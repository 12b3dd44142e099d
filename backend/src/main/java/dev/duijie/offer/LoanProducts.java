package dev.duijie.offer;

import dev.duijie.shared.SqlArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loan products in PostgreSQL. */
@Repository
class LoanProducts extends OfferTable<LoanProduct, LoanTerms> {

    private static final String SELECT = "select " + OfferState.COLUMNS + """
            , p.name, p.description, p.amount_min_fen, p.amount_max_fen, p.term_min_months, p.term_max_months,
              p.rate_min_bp, p.rate_max_bp, p.industries, p.regions, p.tiers, p.collateral_accepted,
              p.guarantee_required, p.policy_tags
            from loan_product p join organization_directory o on o.id = p.organization_id
            """;

    LoanProducts(JdbcClient jdbc) {
        super(jdbc, SELECT, LoanProducts::map);
    }

    /**
     * The active products of verified banks whose amount, term and rate ranges admit a request: a cut in SQL
     * on plain numbers, so a request's opening does not read the whole catalogue; {@link LoanTerms#fits}
     * still decides on the lists (industries, regions, tiers, collateral).
     */
    public List<LoanProduct> activeOfVerifiedBanksAdmitting(long amountFen, int termMonths, int maxAnnualRateBp) {
        return jdbc.sql(SELECT + """
                         where p.status = 'active' and o.type = 'bank' and o.verified
                           and :amount between p.amount_min_fen and p.amount_max_fen
                           and :term between p.term_min_months and p.term_max_months
                           and p.rate_min_bp <= :rate""")
                .param("amount", amountFen)
                .param("term", termMonths)
                .param("rate", maxAnnualRateBp)
                .query(LoanProducts::map)
                .list();
    }

    @Override
    public OfferKind kind() {
        return OfferKind.LOAN_PRODUCT;
    }

    @Override
    protected Map<String, Object> termColumns(LoanTerms terms) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("name", terms.name());
        columns.put("description", terms.description());
        columns.put("amount_min_fen", terms.amountMinFen());
        columns.put("amount_max_fen", terms.amountMaxFen());
        columns.put("term_min_months", terms.termMinMonths());
        columns.put("term_max_months", terms.termMaxMonths());
        columns.put("rate_min_bp", terms.rateMinBp());
        columns.put("rate_max_bp", terms.rateMaxBp());
        columns.put("industries", terms.industries().toArray(String[]::new));
        columns.put("regions", terms.regions().toArray(String[]::new));
        columns.put("tiers", terms.tiers().toArray(String[]::new));
        columns.put("collateral_accepted", terms.collateralAccepted().toArray(String[]::new));
        columns.put("guarantee_required", terms.guaranteeRequired());
        columns.put("policy_tags", terms.policyTags().toArray(String[]::new));
        return columns;
    }

    private static LoanProduct map(ResultSet rs, int row) throws SQLException {
        return new LoanProduct(
                OfferState.map(rs),
                new LoanTerms(
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
