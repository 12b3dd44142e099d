package dev.duijie.offer;

import dev.duijie.shared.SqlArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Investment offers in PostgreSQL. */
@Repository
class InvestmentOffers extends OfferTable<InvestmentOffer, InvestmentTerms> {

    private static final String SELECT = "select " + OfferState.COLUMNS + """
            , p.name, p.description, p.kind, p.ticket_min_fen, p.ticket_max_fen, p.industries, p.stages, p.hometown_tie
            from investment_offer p join organization_directory o on o.id = p.organization_id
            """;

    InvestmentOffers(JdbcClient jdbc) {
        super(jdbc, SELECT, InvestmentOffers::map);
    }

    @Override
    public OfferKind kind() {
        return OfferKind.INVESTMENT_OFFER;
    }

    @Override
    protected Map<String, Object> termColumns(InvestmentTerms terms) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("name", terms.name());
        columns.put("description", terms.description());
        columns.put("kind", terms.kind());
        columns.put("ticket_min_fen", terms.ticketMinFen());
        columns.put("ticket_max_fen", terms.ticketMaxFen());
        columns.put("industries", terms.industries().toArray(String[]::new));
        columns.put("stages", terms.stages().toArray(String[]::new));
        columns.put("hometown_tie", terms.hometownTie());
        return columns;
    }

    private static InvestmentOffer map(ResultSet rs, int row) throws SQLException {
        return new InvestmentOffer(
                OfferState.map(rs),
                new InvestmentTerms(
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getString("kind"),
                        rs.getLong("ticket_min_fen"),
                        rs.getLong("ticket_max_fen"),
                        SqlArrays.strings(rs.getArray("industries")),
                        SqlArrays.strings(rs.getArray("stages")),
                        rs.getString("hometown_tie")));
    }
}
