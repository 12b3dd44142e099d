package dev.duijie.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A kind of document kept in a search index, implemented by the feature that owns it. The indexer asks
 * it for the current state of an id and makes the index agree.
 */
public interface IndexedDocuments {

    /** Short name, e.g. {@code financing-requests}: outbox document type, index and mapping file name. */
    String name();

    /** Mapping version; the index is {@code <prefix>-<name>-v<version>} behind the alias {@code <prefix>-<name>}. */
    int mappingVersion();

    /**
     * The documents as they should be in the index now, by id, read in one go (a rebuild and the outbox
     * indexer ask for hundreds at a time). An id with no row is left out: it must not be in the index.
     */
    Map<UUID, Current> current(Collection<UUID> ids);

    /** Every id that may belong in the index: what a new, empty index is filled from. */
    List<UUID> candidateIds();

    /**
     * @param version  the row's version in PostgreSQL (0 when there is no row): used as Elasticsearch's
     *                 external version, so an older state arriving late can never overwrite a newer one
     * @param document the document to index, or null when it must not be in the index
     */
    record Current(long version, @Nullable Map<String, Object> document) {

        public static Current absent() {
            return new Current(0, null);
        }
    }
}
