package dev.duijie.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.InputStream;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Creates each versioned index (mapping from {@code search-mappings/<name>.v<version>.json}) and points
 * its alias at it. Deliberately not done when the application context starts: Elasticsearch may be
 * down then, and writes must still succeed. The indexer calls {@link #ensureReady()} before draining.
 */
@Component
public class SearchIndexes {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);

    private final ElasticsearchClient client;
    private final SearchProperties properties;
    private final List<IndexedDocuments> documentKinds;
    private final SearchOutbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AtomicBoolean ready = new AtomicBoolean();

    SearchIndexes(ElasticsearchClient client, SearchProperties properties, List<IndexedDocuments> documentKinds,
            SearchOutbox outbox, JdbcClient jdbc, TransactionTemplate transactions) {
        this.client = client;
        this.properties = properties;
        this.documentKinds = documentKinds;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The alias that searches and writes go through. */
    public String alias(IndexedDocuments documents) {
        return properties.indexPrefix() + "-" + documents.name();
    }

    String versionedIndex(IndexedDocuments documents) {
        return alias(documents) + "-v" + documents.mappingVersion();
    }

    /** True once every index and alias exists; false (and logged) while Elasticsearch cannot be reached. */
    public boolean ensureReady() {
        if (ready.get()) {
            return true;
        }
        try {
            for (IndexedDocuments documents : documentKinds) {
                ensureIndex(documents);
            }
            ready.set(true);
            return true;
        } catch (IOException | RuntimeException unreachable) {
            log.warn("Search index not ready yet: {}", unreachable.toString());
            return false;
        }
    }

    /** What a rebuild did. */
    public record Rebuilt(String index, int documents, long tookMillis) {
    }

    /** Each kind of document by its name, e.g. {@code financing-requests}. */
    public Optional<IndexedDocuments> kind(String name) {
        return documentKinds.stream().filter(kind -> kind.name().equals(name)).findFirst();
    }

    /**
     * Builds a fresh index of this kind from PostgreSQL and moves the alias onto it in one atomic step, so
     * searches never see a missing or half-filled index. Changes made while it was filling are announced
     * again afterwards (writes carry PostgreSQL versions, so replaying them is harmless). One rebuild at a
     * time across backend instances (a PostgreSQL advisory lock).
     */
    public Rebuilt rebuild(IndexedDocuments documents) {
        String alias = alias(documents);
        Rebuilt rebuilt = transactions.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(:alias))").param("alias", alias)
                    .query(Boolean.class).single();
            if (!mine) {
                throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.rebuild-running");
            }
            try {
                return rebuildLocked(documents, alias);
            } catch (IOException unreachable) {
                throw new DomainProblem(ProblemType.SEARCH_UNAVAILABLE, "problem.detail.search-unavailable");
            }
        });
        return java.util.Objects.requireNonNull(rebuilt);
    }

    private Rebuilt rebuildLocked(IndexedDocuments documents, String alias) throws IOException {
        long started = System.nanoTime();
        String fresh = versionedIndex(documents) + "-" + System.currentTimeMillis();
        String mappingFile = "search-mappings/" + documents.name() + ".v" + documents.mappingVersion() + ".json";
        try (InputStream mapping = new ClassPathResource(mappingFile).getInputStream()) {
            client.indices().create(c -> c.index(fresh).withJson(mapping));
        }
        List<UUID> ids = documents.candidateIds();
        int written = 0;
        for (int from = 0; from < ids.size(); from += 500) {
            List<BulkOperation> operations = new ArrayList<>();
            for (UUID id : ids.subList(from, Math.min(ids.size(), from + 500))) {
                IndexedDocuments.Current current = documents.current(id);
                if (current.document() != null) {
                    Map<String, Object> document = current.document();
                    operations.add(BulkOperation.of(op -> op.index(i -> i.index(fresh).id(id.toString()).document(document)
                            .version(current.version()).versionType(VersionType.External))));
                }
            }
            if (!operations.isEmpty()) {
                BulkResponse response = client.bulk(b -> b.operations(operations));
                if (response.errors()) {
                    client.indices().delete(d -> d.index(fresh));
                    throw new IOException("filling " + fresh + " failed: " + response.items().stream()
                            .filter(item -> item.error() != null).findFirst().map(item -> item.error().reason()).orElse("?"));
                }
                written += operations.size();
            }
        }
        client.indices().refresh(r -> r.index(fresh));
        Set<String> previous = client.indices().existsAlias(a -> a.name(alias)).value()
                ? client.indices().getAlias(a -> a.name(alias)).result().keySet()
                : Set.of();
        client.indices().updateAliases(u -> {
            for (String old : previous) {
                u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
            }
            return u.actions(a -> a.add(add -> add.index(fresh).alias(alias).isWriteIndex(true)));
        });
        for (String old : previous) {
            client.indices().delete(d -> d.index(old));
        }
        // what changed while we were filling: announce it again, and what was read as present too
        Set<UUID> replay = new LinkedHashSet<>(ids);
        replay.addAll(documents.candidateIds());
        outbox.changedAll(documents, List.copyOf(replay));
        long took = (System.nanoTime() - started) / 1_000_000;
        log.info("Rebuilt {} as {}: {} documents in {} ms", alias, fresh, written, took);
        return new Rebuilt(fresh, written, took);
    }

    /** The index may have gone missing (deleted by hand, say): check, and create and refill it, before the next use. */
    public void forgetReady() {
        ready.set(false);
    }

    private void ensureIndex(IndexedDocuments documents) throws IOException {
        String alias = alias(documents);
        String index = versionedIndex(documents);
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            boolean currentMapping = client.indices().getAlias(a -> a.name(alias)).result().keySet().stream()
                    .anyMatch(name -> name.equals(index) || name.startsWith(index + "-"));
            if (!currentMapping) {
                log.info("Search index {} has an older mapping than v{}: rebuilding", alias, documents.mappingVersion());
                rebuild(documents);
            }
            return;
        }
        if (!client.indices().exists(e -> e.index(index)).value()) {
            String mappingFile = "search-mappings/" + documents.name() + ".v" + documents.mappingVersion() + ".json";
            try (InputStream mapping = new ClassPathResource(mappingFile).getInputStream()) {
                client.indices().create(c -> c.index(index).withJson(mapping));
                // a new index starts empty: fill it from PostgreSQL through the outbox
                List<UUID> ids = documents.candidateIds();
                outbox.changedAll(documents, ids);
                log.info("Created search index {} from {}; {} documents queued to fill it", index, mappingFile, ids.size());
            } catch (ElasticsearchException alreadyThere) {
                // another backend instance created it first
                if (!"resource_already_exists_exception".equals(alreadyThere.error().type())) {
                    throw alreadyThere;
                }
            }
        }
        client.indices().putAlias(a -> a.index(index).name(alias).isWriteIndex(true));
    }
}
