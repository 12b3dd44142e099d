package dev.duijie.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A kind of document kept in a search index, implemented by the feature that owns it. The indexer asks
 * it for the current document of an id: present → index it, empty → remove it from the index.
 */
public interface IndexedDocuments {

    /** Short name, e.g. {@code financing-requests}: outbox document type, index and mapping file name. */
    String name();

    /** Mapping version; the index is {@code <prefix>-<name>-v<version>} behind the alias {@code <prefix>-<name>}. */
    int mappingVersion();

    /** The document as it should be in the index now, or empty when it must not be there. */
    Optional<Map<String, Object>> currentDocument(UUID id);

    /** Ids of every document that belongs in the index (for a rebuild). */
    List<UUID> allIds();
}
