package dev.duijie.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the search outbox into Elasticsearch. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * several backend instances share the work without doing a row twice. Each write carries the row's
 * PostgreSQL version as Elasticsearch's external version, so if two instances race on one document the
 * newer state wins whatever order the writes arrive in. A row leaves the outbox only after Elasticsearch
 * accepted its write; a failed row is retried with exponential backoff (capped at a minute) without
 * holding up the others.
 */
@Component
class OutboxIndexer {

    private static final Logger log = LoggerFactory.getLogger(OutboxIndexer.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ElasticsearchClient client;
    private final SearchIndexes indexes;
    private final Map<String, IndexedDocuments> documentKinds;
    private final Counter indexedRows;

    OutboxIndexer(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ElasticsearchClient client,
            SearchIndexes indexes,
            List<IndexedDocuments> documentKinds,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.client = client;
        this.indexes = indexes;
        this.documentKinds =
                documentKinds.stream().collect(Collectors.toMap(IndexedDocuments::name, Function.identity()));
        Gauge.builder("duijie.search.outbox.lag", this, OutboxIndexer::oldestPendingAgeSeconds)
                .description("Age in seconds of the oldest change not yet in the search index")
                .baseUnit("seconds")
                .register(meters);
        this.indexedRows = Counter.builder("duijie.search.outbox.indexed")
                .description(
                        "Outbox rows this instance brought into the search index (each row is done by one instance)")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${duijie.search.indexer-interval:200ms}")
    void drain() {
        if (!indexes.ensureReady()) {
            return;
        }
        Integer drained;
        do {
            drained = transactions.execute(status -> drainOneBatch());
        } while (drained != null && drained == BATCH);
    }

    private int drainOneBatch() {
        List<OutboxRow> rows = jdbc.sql("""
                select id, document_type, document_id from search_outbox
                where next_attempt_at <= clock_timestamp()
                order by id limit :batch
                for update skip locked""")
                .param("batch", BATCH)
                .query((rs, n) -> new OutboxRow(
                        rs.getLong("id"), rs.getString("document_type"), rs.getObject("document_id", UUID.class)))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        // several changes of one document need one write: the current state is what gets indexed
        Map<DocumentRef, List<Long>> rowsByDocument = new LinkedHashMap<>();
        for (OutboxRow row : rows) {
            rowsByDocument
                    .computeIfAbsent(new DocumentRef(row.documentType(), row.documentId()), k -> new ArrayList<>())
                    .add(row.id());
        }
        Map<DocumentRef, IndexedDocuments.Current> currents = currents(rowsByDocument);
        List<DocumentRef> documents = new ArrayList<>();
        List<BulkOperation> operations = new ArrayList<>();
        for (var entry : rowsByDocument.entrySet()) {
            IndexedDocuments.Current current = currents.get(entry.getKey());
            if (current != null) {
                operations.add(operation(entry.getKey(), current));
                documents.add(entry.getKey());
            }
        }
        if (operations.isEmpty()) {
            return rows.size();
        }
        try {
            // require_alias: never let a write auto-create a dynamically mapped index where the alias should be
            BulkResponse response = client.bulk(b -> b.requireAlias(true).operations(operations));
            List<Long> done = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                BulkResponseItem item = response.items().get(i);
                List<Long> rowIds = rowsByDocument.getOrDefault(documents.get(i), List.of());
                if (succeeded(item)) {
                    done.addAll(rowIds);
                } else {
                    ErrorCause error = item.error();
                    if (error != null && "index_not_found_exception".equals(error.type())) {
                        indexes.forgetReady();
                    }
                    retryLater(
                            rowIds, error == null ? "status " + item.status() : error.type() + ": " + error.reason());
                }
            }
            delete(done);
            indexedRows.increment(done.size());
        } catch (IOException | RuntimeException failure) {
            log.warn("Indexing {} documents failed, will retry: {}", documents.size(), failure.toString());
            retryLater(
                    documents.stream()
                            .flatMap(d -> rowsByDocument.getOrDefault(d, List.of()).stream())
                            .toList(),
                    failure.toString());
        }
        return rows.size();
    }

    /**
     * Written, or nothing to do: a delete of a document that is not there, or a version conflict (the index
     * already holds this state or a newer one).
     */
    private static boolean succeeded(BulkResponseItem item) {
        if (item.error() == null) {
            return true;
        }
        boolean deletedAbsent = item.operationType() == OperationType.Delete
                && item.status() == 404
                && !"index_not_found_exception".equals(item.error().type());
        boolean alreadyNewer =
                "version_conflict_engine_exception".equals(item.error().type());
        return deletedAbsent || alreadyNewer;
    }

    /**
     * The current state of each document, read per kind in one go. A kind whose read fails is read again one
     * document at a time, so one document that cannot be built is retried later without holding up the rest.
     */
    private Map<DocumentRef, IndexedDocuments.Current> currents(Map<DocumentRef, List<Long>> rowsByDocument) {
        Map<DocumentRef, IndexedDocuments.Current> currents = new HashMap<>();
        Map<String, List<UUID>> idsByKind = rowsByDocument.keySet().stream()
                .collect(Collectors.groupingBy(
                        DocumentRef::documentType,
                        LinkedHashMap::new,
                        Collectors.mapping(DocumentRef::documentId, Collectors.toList())));
        idsByKind.forEach((type, ids) -> {
            try {
                Map<UUID, IndexedDocuments.Current> found = kind(type).current(ids);
                ids.forEach(id -> currents.put(
                        new DocumentRef(type, id), found.getOrDefault(id, IndexedDocuments.Current.absent())));
            } catch (RuntimeException batchFailed) {
                for (UUID id : ids) {
                    DocumentRef ref = new DocumentRef(type, id);
                    try {
                        currents.put(
                                ref,
                                kind(type).current(List.of(id)).getOrDefault(id, IndexedDocuments.Current.absent()));
                    } catch (RuntimeException cannotBuild) {
                        retryLater(rowsByDocument.getOrDefault(ref, List.of()), cannotBuild.toString());
                    }
                }
            }
        });
        return currents;
    }

    private IndexedDocuments kind(String documentType) {
        IndexedDocuments kind = documentKinds.get(documentType);
        if (kind == null) {
            throw new IllegalStateException("No indexed document kind named " + documentType);
        }
        return kind;
    }

    private BulkOperation operation(DocumentRef ref, IndexedDocuments.Current current) {
        String alias = indexes.alias(kind(ref.documentType()));
        String id = ref.documentId().toString();
        if (current.document() != null) {
            Map<String, Object> document = current.document();
            return BulkOperation.of(op -> op.index(i -> i.index(alias)
                    .id(id)
                    .document(document)
                    .version(current.version())
                    .versionType(VersionType.External)));
        }
        if (current.version() == 0) {
            return BulkOperation.of(op -> op.delete(d -> d.index(alias).id(id)));
        }
        return BulkOperation.of(op ->
                op.delete(d -> d.index(alias).id(id).version(current.version()).versionType(VersionType.External)));
    }

    private void delete(List<Long> rowIds) {
        if (!rowIds.isEmpty()) {
            jdbc.sql("delete from search_outbox where id in (:ids)")
                    .param("ids", rowIds)
                    .update();
        }
    }

    private void retryLater(List<Long> rowIds, String error) {
        // 0.25 s, 0.5 s, 1 s, ... 60 s; the exponent is capped so the interval cannot overflow
        jdbc.sql("""
                update search_outbox
                set attempts = attempts + 1,
                    next_attempt_at = clock_timestamp()
                        + least(60, 0.25 * power(2, least(attempts, 10))) * interval '1 second',
                    last_error = left(:error, 2000)
                where id in (:ids)""").param("ids", rowIds).param("error", error).update();
    }

    private double oldestPendingAgeSeconds() {
        return jdbc.sql(
                        "select coalesce(extract(epoch from clock_timestamp() - min(enqueued_at)), 0) from search_outbox")
                .query(Double.class)
                .single();
    }

    private record OutboxRow(long id, String documentType, UUID documentId) {}

    private record DocumentRef(String documentType, UUID documentId) {}
}
