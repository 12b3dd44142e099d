package dev.duijie.financing;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import dev.duijie.organization.OrganizationService;
import dev.duijie.search.ChineseWords;
import dev.duijie.search.SearchExecutor;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.Page;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The open market as lenders browse it, answered by Elasticsearch. Elasticsearch picks and orders the
 * ids; the requests themselves are read from PostgreSQL, so what is shown is never staler than the
 * database (a request withdrawn a moment ago and not yet out of the index is dropped here).
 */
@Service
public class OpenRequestSearch {

    private final SearchExecutor executor;
    private final FinancingRequestDocuments documents;
    private final FinancingRequests requests;
    private final OrganizationService organizations;
    private final ChineseWords chineseWords;
    private final Clock clock;

    OpenRequestSearch(
            SearchExecutor executor,
            FinancingRequestDocuments documents,
            FinancingRequests requests,
            OrganizationService organizations,
            ChineseWords chineseWords,
            Clock clock) {
        this.executor = executor;
        this.documents = documents;
        this.requests = requests;
        this.organizations = organizations;
        this.chineseWords = chineseWords;
        this.clock = clock;
    }

    /** What to look for; every part optional. */
    public record Criteria(
            @Nullable String text,
            @Nullable String industry,
            @Nullable String region,
            @Nullable Long minAmountFen,
            @Nullable Long maxAmountFen) {}

    public Page<FinancingRequest> search(Caller caller, Criteria criteria, @Nullable String cursor, int limit) {
        caller.requireAnyRole(Role.BANK, Role.GUARANTOR, Role.INVESTOR, Role.REGULATOR);
        if (!caller.has(Role.REGULATOR) && !organizations.isVerifiedLender(caller)) {
            throw new DomainProblem(ProblemType.ORGANIZATION_NOT_VERIFIED, "problem.detail.organization-not-verified");
        }
        if (criteria.minAmountFen() != null
                && criteria.maxAmountFen() != null
                && criteria.minAmountFen() > criteria.maxAmountFen()) {
            throw DomainProblem.invalidField("minAmountFen", "field.min-amount.above-max");
        }
        String words = chineseWords.segmented(criteria.text());
        boolean ranked = !words.isBlank();
        List<FieldValue> after = SortCursor.decode(cursor, ranked);
        Instant now = clock.instant();
        SearchResponse<Void> response;
        try {
            response = executor.search(
                    documents,
                    s -> {
                        s.query(query(criteria, words, now))
                                .size(limit + 1)
                                .source(src -> src.fetch(false))
                                .trackTotalHits(t -> t.enabled(false));
                        if (ranked) {
                            s.sort(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
                        }
                        s.sort(SortOptions.of(
                                o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc))));
                        s.sort(SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
                        if (!after.isEmpty()) {
                            s.searchAfter(after);
                        }
                        return s;
                    },
                    Void.class);
        } catch (SearchExecutor.QueryRefused refused) {
            if (refused.status() == 400 && !after.isEmpty()) {
                // the documented case: a cursor that decodes but does not fit this query (e.g. edited by hand)
                throw DomainProblem.invalidField("cursor", "field.cursor.invalid");
            }
            throw refused;
        }
        List<Hit<Void>> hits = response.hits().hits();
        List<Hit<Void>> pageHits = hits.size() > limit ? hits.subList(0, limit) : hits;
        Map<UUID, FinancingRequest> byId =
                requests
                        .findAll(pageHits.stream()
                                .map(h -> UUID.fromString(h.id()))
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(FinancingRequest::id, Function.identity()));
        List<FinancingRequest> items = new ArrayList<>();
        for (Hit<Void> hit : pageHits) {
            FinancingRequest request = byId.get(UUID.fromString(hit.id()));
            if (request != null && request.onTheMarket(now)) {
                items.add(request);
            }
        }
        String next = hits.size() > limit ? SortCursor.encode(pageHits.getLast().sort(), ranked) : null;
        return new Page<>(items, next);
    }

    /** The search's query (filters and text); public for the load run's raw-query comparison. */
    public static Query query(Criteria criteria, String words, Instant now) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        // bidding closed: off the market even before the expiry job has taken it out of the index
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("bidDeadline").gt(JsonData.of(now.toString())))));
        if (criteria.industry() != null) {
            bool.filter(f -> f.term(t -> t.field("industry").value(criteria.industry())));
        }
        if (criteria.region() != null) {
            bool.filter(f -> f.term(t -> t.field("region").value(criteria.region())));
        }
        if (criteria.minAmountFen() != null || criteria.maxAmountFen() != null) {
            bool.filter(f -> f.range(r -> r.untyped(u -> {
                u.field("amountFen");
                if (criteria.minAmountFen() != null) {
                    u.gte(JsonData.of(criteria.minAmountFen()));
                }
                if (criteria.maxAmountFen() != null) {
                    u.lte(JsonData.of(criteria.maxAmountFen()));
                }
                return u;
            })));
        }
        if (!words.isBlank()) {
            // whole words score highest; single characters only widen recall for partial words
            bool.must(m -> m.bool(text -> text.should(s -> s.multiMatch(mm -> mm.query(words)
                            .type(TextQueryType.BestFields)
                            .fields("title^3", "purpose^2", "description")
                            .boost(3.0f)))
                    .should(s -> s.multiMatch(mm -> mm.query(words)
                            .type(TextQueryType.BestFields)
                            .fields("title.chars^3", "purpose.chars^2", "description.chars")
                            .minimumShouldMatch("75%")))
                    .minimumShouldMatch("1")));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /**
     * search_after values of the last hit, opaque to clients. It records whether the page was ranked by
     * score (three sort values) or by date (two), and a cursor used with the other kind of query is refused.
     */
    static final class SortCursor {

        private SortCursor() {}

        static String encode(List<FieldValue> values, boolean ranked) {
            String plain = (ranked ? "r" : "d") + "\n"
                    + values.stream().map(SortCursor::encodeValue).collect(Collectors.joining("\n"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static List<FieldValue> decode(@Nullable String cursor, boolean ranked) {
            if (cursor == null || cursor.isEmpty()) {
                return List.of();
            }
            try {
                List<String> lines = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .lines()
                        .toList();
                String expectedKinds = ranked ? "dls" : "ls";
                if (!lines.getFirst().equals(ranked ? "r" : "d") || lines.size() != expectedKinds.length() + 1) {
                    throw new IllegalArgumentException("cursor of another query");
                }
                List<FieldValue> values = new ArrayList<>();
                for (int i = 0; i < expectedKinds.length(); i++) {
                    String line = lines.get(i + 1);
                    if (line.isEmpty() || line.charAt(0) != expectedKinds.charAt(i)) {
                        throw new IllegalArgumentException("unexpected sort value");
                    }
                    values.add(decodeValue(line));
                }
                return values;
            } catch (RuntimeException unreadable) {
                throw DomainProblem.invalidField("cursor", "field.cursor.invalid");
            }
        }

        private static String encodeValue(FieldValue value) {
            return switch (value._kind()) {
                case Double -> "d" + value.doubleValue();
                case Long -> "l" + value.longValue();
                case String -> "s" + value.stringValue();
                default -> throw new IllegalStateException("unexpected sort value " + value);
            };
        }

        private static FieldValue decodeValue(String encoded) {
            String body = encoded.substring(1);
            return switch (encoded.charAt(0)) {
                case 'd' -> FieldValue.of(Double.parseDouble(body));
                case 'l' -> FieldValue.of(Long.parseLong(body));
                case 's' -> FieldValue.of(body);
                default -> throw new IllegalArgumentException("unknown sort value kind");
            };
        }
    }
}
