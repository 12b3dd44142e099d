package dev.duijie.bidding;

import dev.duijie.financing.FinancingRequest;
import dev.duijie.financing.FinancingRequestPublished;
import dev.duijie.financing.RequestContent;
import dev.duijie.financing.RequestLookup;
import dev.duijie.offer.LoanTerms;
import dev.duijie.offer.OfferLookup;
import dev.duijie.referencedata.ReferenceData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each bank's response time: from when a request matching one of its active loan products opened until the
 * bank bid or passed. The match is the products' hard eligibility, checked when the request opens.
 */
@Component
public class BankResponses {

    private final JdbcClient jdbc;
    private final RequestLookup requests;
    private final OfferLookup offers;
    private final ReferenceData referenceData;

    BankResponses(JdbcClient jdbc, RequestLookup requests, OfferLookup offers, ReferenceData referenceData) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.offers = offers;
        this.referenceData = referenceData;
    }

    /**
     * Runs inside the publishing transaction. The match is the products' own hard rules
     * ({@link LoanTerms#fits}), the same ones matching applies.
     */
    @EventListener
    void requestOpened(FinancingRequestPublished published) {
        FinancingRequest request = requests.find(published.requestId()).orElseThrow();
        RequestContent content = request.content();
        List<String> industries = referenceData.withAncestors(ReferenceData.Vocabulary.INDUSTRY, content.industry());
        List<String> regions = referenceData.withAncestors(ReferenceData.Vocabulary.REGION, content.region());
        Set<UUID> banks = offers
                .activeLoanProductsOfVerifiedBanksAdmitting(
                        content.amountFen(), content.termMonths(), content.maxAnnualRateBp())
                .stream()
                .filter(product -> product.terms().fits(content, request.organizationTier(), industries, regions))
                .map(product -> product.state().organizationId())
                .collect(Collectors.toSet());
        for (UUID bank : banks) {
            jdbc.sql("""
                    insert into bank_response (bank_organization_id, financing_request_id, opened_at)
                    values (:bank, :requestId, :openedAt)
                    on conflict do nothing""")
                    .param("bank", bank)
                    .param("requestId", published.requestId())
                    .param("openedAt", Timestamp.from(published.publishedAt()))
                    .update();
        }
    }

    /**
     * The bank answered (its first answer counts, with the reason it gave for a pass). A bank that answers
     * without a matching product is recorded with {@code matched = false}, so response-time figures can leave
     * it out.
     *
     * @param reason why it passed; null for a bid or a pass without a reason
     */
    Answer responded(
            UUID bankOrganizationId,
            UUID requestId,
            Instant publishedAt,
            String response,
            @Nullable Reason reason,
            Instant now) {
        // on conflict, the right-hand sides read the row as it was: a reason is taken only with the first answer
        return jdbc.sql("""
                insert into bank_response (bank_organization_id, financing_request_id, opened_at, responded_at, response,
                    matched, pass_reason, pass_note)
                values (:bank, :requestId, :openedAt, :now, :response, false, :reason, :note)
                on conflict (bank_organization_id, financing_request_id) do update
                set responded_at = coalesce(bank_response.responded_at, excluded.responded_at),
                    response = coalesce(bank_response.response, excluded.response),
                    pass_reason = case when bank_response.response is null then excluded.pass_reason
                        else bank_response.pass_reason end,
                    pass_note = case when bank_response.response is null then excluded.pass_note
                        else bank_response.pass_note end
                returning response, responded_at, pass_reason, pass_note""")
                .param("bank", bankOrganizationId)
                .param("requestId", requestId)
                .param("openedAt", Timestamp.from(publishedAt))
                .param("now", Timestamp.from(now))
                .param("response", response)
                .param("reason", reason == null ? null : reason.code())
                .param("note", reason == null ? null : reason.note())
                .query(BankResponses::answer)
                .single();
    }

    private static Answer answer(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("pass_reason");
        return new Answer(
                rs.getString("response"),
                rs.getTimestamp("responded_at").toInstant(),
                code == null ? null : new Reason(code, rs.getString("pass_note")));
    }

    /** The bank's recorded answer to a request; empty while it has not answered. */
    Optional<Answer> answerOf(UUID bankOrganizationId, UUID requestId) {
        return jdbc.sql("""
                        select response, responded_at, pass_reason, pass_note from bank_response
                        where bank_organization_id = :bank and financing_request_id = :requestId
                          and response is not null""")
                .param("bank", bankOrganizationId)
                .param("requestId", requestId)
                .query(BankResponses::answer)
                .optional();
    }

    /**
     * Each bank's median response time over requests that matched one of its products and opened in the
     * window: the time to its first answer, or, for a request that closed unanswered, the whole time it was
     * open (ignoring a request would otherwise look like no data rather than like a slow answer). Requests
     * still open and unanswered are left out: their time is not known yet. Banks with fewer than
     * {@code minimumResponses} such requests are left out too.
     */
    public Map<UUID, Duration> medianResponseTimes(Instant since, int minimumResponses) {
        return jdbc
                .sql("""
                select response.bank_organization_id,
                       percentile_cont(0.5) within group (order by extract(epoch from
                           coalesce(response.responded_at, request.closed_at, request.withdrawn_at) - response.opened_at))
                           as median_seconds
                from bank_response response
                join financing_request_closing request on request.id = response.financing_request_id
                where response.matched and response.opened_at >= :since
                  and coalesce(response.responded_at, request.closed_at, request.withdrawn_at) is not null
                group by response.bank_organization_id
                having count(*) >= :minimum""")
                .param("since", Timestamp.from(since))
                .param("minimum", minimumResponses)
                .query((rs, n) ->
                        Map.entry(rs.getObject(1, UUID.class), Duration.ofMillis(Math.round(rs.getDouble(2) * 1000))))
                .list()
                .stream() // list(), not stream(): a JdbcClient stream holds its connection until closed
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The bank's recorded answer to a request: its first one.
     *
     * @param reason why it passed, when it said; null for a bid
     */
    public record Answer(
            String response, Instant respondedAt, @Nullable Reason reason) {}
}
