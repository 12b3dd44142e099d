package dev.duijie.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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
    private final AtomicBoolean ready = new AtomicBoolean();

    SearchIndexes(ElasticsearchClient client, SearchProperties properties, List<IndexedDocuments> documentKinds,
            SearchOutbox outbox) {
        this.client = client;
        this.properties = properties;
        this.documentKinds = documentKinds;
        this.outbox = outbox;
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

    /** The index may have gone missing (deleted by hand, say): check, and create and refill it, before the next use. */
    public void forgetReady() {
        ready.set(false);
    }

    private void ensureIndex(IndexedDocuments documents) throws IOException {
        String alias = alias(documents);
        String index = versionedIndex(documents);
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            return;
        }
        if (!client.indices().exists(e -> e.index(index)).value()) {
            String mappingFile = "search-mappings/" + documents.name() + ".v" + documents.mappingVersion() + ".json";
            try (InputStream mapping = new ClassPathResource(mappingFile).getInputStream()) {
                client.indices().create(c -> c.index(index).withJson(mapping));
                // a new index starts empty: fill it from PostgreSQL through the outbox
                List<java.util.UUID> ids = documents.candidateIds();
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
