package dev.duijie.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;
import java.io.IOException;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a search's failure is told: unreachable is 503 and readiness again, refused is our bug, ours stays ours. */
class SearchExecutorTest {

    private final ElasticsearchClient client = mock(ElasticsearchClient.class);
    private final SearchIndexes indexes = mock(SearchIndexes.class);
    private final IndexedDocuments documents = mock(IndexedDocuments.class);
    private final SearchExecutor executor = new SearchExecutor(client, indexes);

    @BeforeEach
    void indicesReady() {
        when(indexes.ensureReady()).thenReturn(true);
        when(indexes.alias(documents)).thenReturn("duijie-test-things");
        when(documents.name()).thenReturn("things");
    }

    @Test
    void givenElasticsearchUnreachable_whenSearching_thenSearchUnavailableAndReadinessCheckedAgain()
            throws IOException {
        when(client.search(any(Function.class), eq(Void.class))).thenThrow(new IOException("Connection refused"));

        assertThatThrownBy(this::search)
                .isInstanceOfSatisfying(
                        DomainProblem.class,
                        problem -> assertThat(problem.type()).isEqualTo(ProblemType.SEARCH_UNAVAILABLE));
        verify(indexes).forgetReady();
    }

    @Test
    void givenATransportFailureOrAnOverloadedCluster_whenSearching_thenSearchUnavailable() throws IOException {
        when(client.search(any(Function.class), eq(Void.class)))
                .thenThrow(new java.net.SocketTimeoutException(
                        "timed out")) // as the client's TransportException, an IOException
                .thenThrow(refusedWith(503))
                .thenThrow(refusedWith(429))
                .thenThrow(refusedWith(404)); // the index gone from under its alias

        for (int kind = 0; kind < 4; kind++) {
            assertThatThrownBy(this::search)
                    .isInstanceOfSatisfying(
                            DomainProblem.class,
                            problem -> assertThat(problem.type()).isEqualTo(ProblemType.SEARCH_UNAVAILABLE));
        }
    }

    @Test
    void givenElasticsearchRefusesTheQuery_whenSearching_thenItIsOurBugNotAnOutage() throws IOException {
        when(client.search(any(Function.class), eq(Void.class))).thenThrow(refusedWith(400));

        assertThatThrownBy(this::search)
                .isInstanceOfSatisfying(
                        SearchExecutor.QueryRefused.class,
                        refused -> assertThat(refused.status()).isEqualTo(400));
        verify(indexes, never()).forgetReady();
    }

    @Test
    void givenOurOwnCodeFails_whenSearching_thenTheFailureIsNotCalledUnavailable() throws IOException {
        when(client.search(any(Function.class), eq(Void.class))).thenThrow(new IllegalArgumentException("our bug"));

        assertThatThrownBy(this::search)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("our bug");
        verify(indexes, never()).forgetReady();
    }

    @Test
    void givenTheIndicesCannotBeMadeReady_whenSearching_thenSearchUnavailableWithoutAsking() throws IOException {
        when(indexes.ensureReady()).thenReturn(false);

        assertThatThrownBy(this::search).isInstanceOf(DomainProblem.class);
        verify(client, never()).search(any(Function.class), eq(Void.class));
    }

    private void search() {
        executor.search(documents, s -> s.size(1), Void.class);
    }

    private static ElasticsearchException refusedWith(int status) {
        return new ElasticsearchException(
                "search",
                ErrorResponse.of(e ->
                        e.status(status).error(c -> c.type("some_exception").reason("refused"))));
    }
}
