package dev.duijie.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.ObjectBuilder;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;
import java.io.IOException;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Every search query of the marketplace goes through here, against the alias of its documents, and its
 * failures are told apart once:
 * <ul>
 * <li>Elasticsearch cannot be reached or cannot serve now (I/O and transport failures, its own 5xx and 429,
 *     an index missing under the alias): a 503 search-unavailable problem, and the indices are checked again
 *     (readiness) before the next query;</li>
 * <li>Elasticsearch understood the query and refused it (any other 4xx): that is our bug, not an outage —
 *     logged and thrown as {@link QueryRefused}, which a caller may turn into a client error where it
 *     documents one (a cursor that does not fit its query), else it is a 500 (logged with the other 500s);</li>
 * <li>anything else (a RuntimeException in our own code) is never called "unavailable": it stays a 500.</li>
 * </ul>
 */
@Component
public class SearchExecutor {

    private final ElasticsearchClient client;
    private final SearchIndexes indexes;

    SearchExecutor(ElasticsearchClient client, SearchIndexes indexes) {
        this.client = client;
        this.indexes = indexes;
    }

    /** Runs a search on the documents' alias; the request needs no index. */
    public <T> SearchResponse<T> search(
            IndexedDocuments documents,
            Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request,
            Class<T> type) {
        if (!indexes.ensureReady()) {
            throw unavailable();
        }
        try {
            return client.search(builder -> request.apply(builder.index(indexes.alias(documents))), type);
        } catch (ElasticsearchException refused) {
            int status = refused.status();
            if (status >= 500 || status == 429 || status == 404) {
                indexes.forgetReady();
                throw unavailable();
            }
            throw new QueryRefused(status, refused);
        } catch (IOException unreachable) { // the client's TransportException is an IOException too
            indexes.forgetReady();
            throw unavailable();
        }
    }

    private static DomainProblem unavailable() {
        return new DomainProblem(ProblemType.SEARCH_UNAVAILABLE, "problem.detail.search-unavailable");
    }

    /** Elasticsearch refused a query as malformed for its index: our bug unless the caller says otherwise. */
    public static final class QueryRefused extends RuntimeException {

        private final int status;

        QueryRefused(int status, ElasticsearchException cause) {
            super("Elasticsearch refused the query (" + status + ")", cause);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
