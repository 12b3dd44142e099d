package dev.duijie.bidding;

import dev.duijie.financing.FinancingRequestPublished;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each bank's response time: from when a request matching one of its active loan products opened until the
 * bank bid or passed. The match is the products' hard eligibility, checked in SQL when the request opens.
 */
@Component
public class BankResponses {

    private final JdbcClient jdbc;

    BankResponses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs inside the publishing transaction. */
    @EventListener
    void requestOpened(FinancingRequestPublished published) {
        jdbc.sql("""
                insert into bank_response (bank_organization_id, financing_request_id, opened_at)
                select distinct p.organization_id, r.id, cast(:openedAt as timestamptz)
                from financing_request r
                join organization firm on firm.id = r.organization_id
                join loan_product p on p.status = 'active'
                join organization bank on bank.id = p.organization_id and bank.verified_at is not null
                where r.id = :requestId
                  and r.amount_fen between p.amount_min_fen and p.amount_max_fen
                  and r.term_months between p.term_min_months and p.term_max_months
                  and (cardinality(p.industries) = 0 or r.industry = any (p.industries))
                  and (cardinality(p.regions) = 0 or r.region = any (p.regions))
                  and (cardinality(p.tiers) = 0 or firm.tier = any (p.tiers))
                  and (cardinality(p.collateral_accepted) = 0 or p.collateral_accepted && r.collateral_offered)
                  and (not p.guarantee_required or r.guarantee_wanted)
                  and p.rate_min_bp <= r.max_annual_rate_bp
                on conflict do nothing""")
                .param("requestId", published.requestId())
                .param("openedAt", Timestamp.from(published.publishedAt()))
                .update();
    }

    /**
     * The bank answered (its first answer counts). A bank that answers without a matching product is
     * recorded with {@code matched = false}, so response-time figures can leave it out.
     */
    Answer responded(UUID bankOrganizationId, UUID requestId, Instant publishedAt, String response, Instant now) {
        return jdbc.sql("""
                insert into bank_response (bank_organization_id, financing_request_id, opened_at, responded_at, response,
                    matched)
                values (:bank, :requestId, :openedAt, :now, :response, false)
                on conflict (bank_organization_id, financing_request_id) do update
                set responded_at = coalesce(bank_response.responded_at, excluded.responded_at),
                    response = coalesce(bank_response.response, excluded.response)
                returning response, responded_at""")
                .param("bank", bankOrganizationId)
                .param("requestId", requestId)
                .param("openedAt", Timestamp.from(publishedAt))
                .param("now", Timestamp.from(now))
                .param("response", response)
                .query((rs, n) -> new Answer(rs.getString("response"), rs.getTimestamp("responded_at").toInstant()))
                .single();
    }

    /** The bank's recorded answer to a request: its first one. */
    public record Answer(String response, Instant respondedAt) {
    }
}
