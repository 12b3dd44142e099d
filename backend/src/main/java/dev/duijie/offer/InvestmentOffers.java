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

/** Investment offers in PostgreSQL. */
@Repository
public class InvestmentOffers extends OfferTable<InvestmentOffer, InvestmentTerms> {

    private static final String SELECT = "select " + OfferState.COLUMNS + """
            , p.name, p.description, p.kind, p.ticket_min_fen, p.ticket_max_fen, p.industries, p.stages, p.hometown_tie
            from investment_offer p join organization o on o.id = p.organization_id
            """;

    InvestmentOffers(JdbcClient jdbc) {
        super(jdbc, SELECT, InvestmentOffers::map);
    }

    @Override
    public OfferKind kind() {
        return OfferKind.INVESTMENT_OFFER;
    }

    @Override
    public void insert(UUID id, UUID organizationId, InvestmentTerms terms, Instant now, String createdBy) {
        jdbc.sql("""
                insert into investment_offer (id, organization_id, status, name, description, kind, ticket_min_fen,
                    ticket_max_fen, industries, stages, hometown_tie, created_at, updated_at, created_by)
                values (:id, :organizationId, 'draft', :name, :description, :kind, :ticketMinFen, :ticketMaxFen,
                    :industries, :stages, :hometownTie, :now, :now, :createdBy)""")
                .params(termParams(terms))
                .param("id", id)
                .param("organizationId", organizationId)
                .param("now", Timestamp.from(now))
                .param("createdBy", createdBy)
                .update();
    }

    @Override
    public boolean update(UUID id, long version, InvestmentTerms terms, Instant now) {
        return jdbc.sql("""
                update investment_offer
                set name = :name, description = :description, kind = :kind, ticket_min_fen = :ticketMinFen,
                    ticket_max_fen = :ticketMaxFen, industries = :industries, stages = :stages,
                    hometown_tie = :hometownTie, version = version + 1, updated_at = :now
                where id = :id and version = :version and status <> 'retired'""")
                .params(termParams(terms))
                .param("id", id)
                .param("version", version)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    private static Map<String, Object> termParams(InvestmentTerms terms) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", terms.name());
        params.put("description", terms.description());
        params.put("kind", terms.kind());
        params.put("ticketMinFen", terms.ticketMinFen());
        params.put("ticketMaxFen", terms.ticketMaxFen());
        params.put("industries", terms.industries().toArray(String[]::new));
        params.put("stages", terms.stages().toArray(String[]::new));
        params.put("hometownTie", terms.hometownTie());
        return params;
    }

    private static InvestmentOffer map(ResultSet rs, int row) throws SQLException {
        return new InvestmentOffer(OfferState.map(rs), new InvestmentTerms(
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
