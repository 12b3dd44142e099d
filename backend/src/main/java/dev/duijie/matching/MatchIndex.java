package dev.duijie.matching;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.duijie.search.IndexedDocuments;
import dev.duijie.search.SearchExecutor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Runs a match query: ids and scores only (PostgreSQL has the data); 503 while the index is unreachable (see {@link SearchExecutor}). */
@Component
class MatchIndex {

    private final SearchExecutor executor;

    MatchIndex(SearchExecutor executor) {
        this.executor = executor;
    }

    /** A hit as PostgreSQL has it now, with its score from the index. */
    record Found<T>(T item, double score) {}

    /**
     * The hits read back from PostgreSQL in one go and kept in their ranked order while they still exist and
     * are {@code eligible} there, at most {@code limit}: a stale index can reorder results but never put an
     * ineligible one in them. Matching asks the index for more than it shows, for the ones dropped here.
     */
    static <T> List<Found<T>> asStoredNow(
            List<Hit<Void>> hits,
            Function<List<UUID>, ? extends Collection<T>> loadAll,
            Function<T, UUID> idOf,
            Predicate<T> eligible,
            int limit) {
        Map<UUID, T> byId = loadAll
                .apply(hits.stream().map(hit -> UUID.fromString(hit.id())).toList())
                .stream()
                .collect(Collectors.toMap(idOf, Function.identity()));
        List<Found<T>> found = new ArrayList<>();
        for (Hit<Void> hit : hits) {
            T item = byId.get(UUID.fromString(hit.id()));
            if (found.size() == limit) {
                break;
            }
            if (item != null && eligible.test(item)) {
                found.add(new Found<>(item, hit.score() == null ? 0 : hit.score()));
            }
        }
        return found;
    }

    List<Hit<Void>> search(IndexedDocuments documents, Query query, int limit) {
        return executor.search(
                        documents,
                        s -> s.size(limit)
                                .source(src -> src.fetch(false))
                                .trackTotalHits(t -> t.enabled(false))
                                .query(query),
                        Void.class)
                .hits()
                .hits();
    }
}
