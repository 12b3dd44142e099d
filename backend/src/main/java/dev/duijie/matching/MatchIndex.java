package dev.duijie.matching;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.duijie.search.IndexedDocuments;
import dev.duijie.search.SearchIndexes;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/** Runs a match query: ids and scores only (PostgreSQL has the data); 503 while the index is unreachable. */
@Component
class MatchIndex {

    private final ElasticsearchClient client;
    private final SearchIndexes indexes;

    MatchIndex(ElasticsearchClient client, SearchIndexes indexes) {
        this.client = client;
        this.indexes = indexes;
    }

    List<Hit<Void>> search(IndexedDocuments documents, Query query, int limit) {
        if (!indexes.ensureReady()) {
            throw new DomainProblem(ProblemType.SEARCH_UNAVAILABLE, "problem.detail.search-unavailable");
        }
        try {
            return client.search(s -> s
                    .index(indexes.alias(documents))
                    .size(limit)
                    .source(src -> src.fetch(false))
                    .trackTotalHits(t -> t.enabled(false))
                    .query(query), Void.class).hits().hits();
        } catch (IOException | RuntimeException unavailable) {
            indexes.forgetReady();
            throw new DomainProblem(ProblemType.SEARCH_UNAVAILABLE, "problem.detail.search-unavailable");
        }
    }
}
