/**
 * The Elasticsearch side: versioned indices behind aliases (mappings from {@code search-mappings/}),
 * a transactional outbox drained by the indexer, and Chinese word segmentation. PostgreSQL stays the
 * system of record; everything here can be rebuilt from it.
 */
@NullMarked
package dev.duijie.search;

import org.jspecify.annotations.NullMarked;
