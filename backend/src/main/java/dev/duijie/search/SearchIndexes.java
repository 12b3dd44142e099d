package dev.duijie.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates each versioned index (mapping from {@code search-mappings/<name>.v<version>.json}) behind its alias,
 * and rebuilds indices from PostgreSQL. Deliberately not done when the application context starts:
 * Elasticsearch may be down then, and writes must still succeed. The indexer and searches call
 * {@link #ensureReady()} first.
 */
@Component
public class SearchIndexes {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);
    private static final Pattern MAPPING_VERSION = Pattern.compile("-v(\\d+)(-\\d+)?$");

    private final ElasticsearchClient client;
    private final SearchProperties properties;
    private final List<IndexedDocuments> documentKinds;
    private final SearchOutbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate separately;
    private final AtomicBoolean ready = new AtomicBoolean();
    private final Set<String> upgrading = ConcurrentHashMap.newKeySet();

    SearchIndexes(
            ElasticsearchClient client,
            SearchProperties properties,
            List<IndexedDocuments> documentKinds,
            SearchOutbox outbox,
            JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.client = client;
        this.properties = properties;
        this.documentKinds = documentKinds;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.separately = new TransactionTemplate(
                Objects.requireNonNull(transactions.getTransactionManager(), "the transaction template has a manager"));
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The alias that searches and writes go through. */
    public String alias(IndexedDocuments documents) {
        return properties.indexPrefix() + "-" + documents.name();
    }

    String versionedIndex(IndexedDocuments documents) {
        return alias(documents) + "-v" + documents.mappingVersion();
    }

    /** Each kind of document by its name, e.g. {@code financing-requests}. */
    /** The names of the indices, as the rebuild operation takes them. */
    public List<String> names() {
        return documentKinds.stream().map(IndexedDocuments::name).toList();
    }

    public Optional<IndexedDocuments> kind(String name) {
        return documentKinds.stream().filter(kind -> kind.name().equals(name)).findFirst();
    }

    /** True once every alias exists; false (and logged) while Elasticsearch cannot be reached. */
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

    /** The index may have gone missing (deleted by hand, say): check, and create and refill it, before the next use. */
    public void forgetReady() {
        ready.set(false);
    }

    private void ensureIndex(IndexedDocuments documents) throws IOException {
        String alias = alias(documents);
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            int serving = servingMappingVersion(alias);
            if (serving < documents.mappingVersion() && upgrading.add(alias)) {
                // keep serving the old index meanwhile; an instance still on the old version never downgrades it
                log.info(
                        "Search index {} is on mapping v{}, this build has v{}: rebuilding in the background",
                        alias,
                        serving,
                        documents.mappingVersion());
                Thread.ofVirtual().name("rebuild-" + alias).start(() -> upgrade(documents));
            }
            return;
        }
        String index = versionedIndex(documents);
        if (!client.indices().exists(e -> e.index(index)).value()) {
            // announce first: if we die after creating, the fill is still queued
            List<UUID> ids = documents.candidateIds();
            outbox.changedAll(documents, ids);
            try {
                createIndex(documents, index);
                log.info("Created search index {}; {} documents queued to fill it", index, ids.size());
            } catch (ElasticsearchException alreadyThere) {
                // another backend instance created it first
                if (!"resource_already_exists_exception"
                        .equals(alreadyThere.error().type())) {
                    throw alreadyThere;
                }
            }
        }
        client.indices().putAlias(a -> a.index(index).name(alias).isWriteIndex(true));
    }

    private void upgrade(IndexedDocuments documents) {
        try {
            rebuild(documents, true);
        } catch (RuntimeException failed) {
            log.warn("Rebuilding {} failed; the old index keeps serving: {}", alias(documents), failed.toString());
        } finally {
            upgrading.remove(alias(documents));
        }
    }

    /** The mapping version of the index the alias points to (0 when it cannot tell). */
    private int servingMappingVersion(String alias) throws IOException {
        return client.indices().getAlias(a -> a.name(alias)).result().keySet().stream()
                .map(MAPPING_VERSION::matcher)
                .filter(Matcher::find)
                .mapToInt(matcher -> Integer.parseInt(matcher.group(1)))
                .max()
                .orElse(0);
    }

    /** What a rebuild did. */
    public record Rebuilt(String index, int documents, long tookMillis) {}

    /**
     * Builds a fresh index of this kind from PostgreSQL and moves the alias onto it in one atomic step, so
     * searches never see a missing or half-filled index. Changes made while it was filling are announced
     * again afterwards (writes carry PostgreSQL versions, so replaying them is harmless). One rebuild at a
     * time across backend instances (a PostgreSQL advisory lock): another one running is a 409.
     */
    public Rebuilt rebuild(IndexedDocuments documents) {
        return rebuild(documents, false);
    }

    private Rebuilt rebuild(IndexedDocuments documents, boolean onlyIfOutdated) {
        String alias = alias(documents);
        Rebuilt rebuilt = transactions.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(:alias))")
                    .param("alias", alias)
                    .query(Boolean.class)
                    .single();
            if (!mine) {
                throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.rebuild-running");
            }
            try {
                if (onlyIfOutdated && servingMappingVersion(alias) >= documents.mappingVersion()) {
                    return null; // another instance upgraded it while we waited
                }
                return rebuildLocked(documents, alias);
            } catch (IOException | ElasticsearchException unreachable) {
                throw new DomainProblem(ProblemType.SEARCH_UNAVAILABLE, "problem.detail.search-unavailable");
            }
        });
        return rebuilt == null ? new Rebuilt(alias, 0, 0) : rebuilt;
    }

    private Rebuilt rebuildLocked(IndexedDocuments documents, String alias) throws IOException {
        long started = System.nanoTime();
        String fresh = versionedIndex(documents) + "-" + System.currentTimeMillis();
        createIndex(documents, fresh);
        List<UUID> ids;
        int written;
        Set<String> previous;
        try {
            ids = documents.candidateIds();
            written = fill(documents, fresh, ids);
            client.indices().refresh(r -> r.index(fresh));
            previous = client.indices().existsAlias(a -> a.name(alias)).value()
                    ? client.indices().getAlias(a -> a.name(alias)).result().keySet()
                    : Set.of();
            client.indices().updateAliases(u -> {
                for (String old : previous) {
                    u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
                }
                return u.actions(a -> a.add(add -> add.index(fresh).alias(alias).isWriteIndex(true)));
            });
        } catch (IOException | RuntimeException beforeTheSwap) {
            deleteQuietly(fresh);
            throw beforeTheSwap;
        }
        // what changed while we were filling, and what was read as present: announce it again, committed on
        // its own so nothing after this point can take it back
        Set<UUID> replay = new LinkedHashSet<>(ids);
        replay.addAll(documents.candidateIds());
        separately.executeWithoutResult(status -> outbox.changedAll(documents, List.copyOf(replay)));
        for (String old : previous) {
            deleteQuietly(old);
        }
        long took = (System.nanoTime() - started) / 1_000_000;
        log.info("Rebuilt {} as {}: {} documents in {} ms", alias, fresh, written, took);
        return new Rebuilt(fresh, written, took);
    }

    private int fill(IndexedDocuments documents, String index, List<UUID> ids) throws IOException {
        int written = 0;
        for (int from = 0; from < ids.size(); from += 500) {
            List<BulkOperation> operations = new ArrayList<>();
            List<UUID> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            Map<UUID, IndexedDocuments.Current> currents = documents.current(slice);
            for (UUID id : slice) {
                IndexedDocuments.Current current = currents.getOrDefault(id, IndexedDocuments.Current.absent());
                if (current.document() != null) {
                    Map<String, Object> document = current.document();
                    operations.add(BulkOperation.of(op -> op.index(i -> i.index(index)
                            .id(id.toString())
                            .document(document)
                            .version(current.version())
                            .versionType(VersionType.External))));
                }
            }
            if (!operations.isEmpty()) {
                BulkResponse response = client.bulk(b -> b.operations(operations));
                if (response.errors()) {
                    throw new IOException("filling " + index + " failed: "
                            + response.items().stream()
                                    .map(BulkResponseItem::error)
                                    .filter(Objects::nonNull)
                                    .findFirst()
                                    .map(ErrorCause::reason)
                                    .orElse("?"));
                }
                written += operations.size();
            }
        }
        return written;
    }

    private void createIndex(IndexedDocuments documents, String index) throws IOException {
        String mappingFile = "search-mappings/" + documents.name() + ".v" + documents.mappingVersion() + ".json";
        try (InputStream mapping = new ClassPathResource(mappingFile).getInputStream()) {
            client.indices().create(c -> c.index(index).withJson(mapping));
        }
    }

    private void deleteQuietly(String index) {
        try {
            client.indices().delete(d -> d.index(index));
        } catch (IOException | RuntimeException failed) {
            log.warn("Could not delete search index {}; delete it by hand: {}", index, failed.toString());
        }
    }
}
