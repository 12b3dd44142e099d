package dev.duijie.reliability;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import dev.duijie.search.IndexedDocuments;
import dev.duijie.search.SearchIndexes;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What must hold after a fault, checked in PostgreSQL and Elasticsearch themselves. */
final class Invariants {

    private final JdbcClient jdbc;
    private final ElasticsearchClient elasticsearch;
    private final SearchIndexes indexes;
    private final List<IndexedDocuments> documentKinds;

    Invariants(
            JdbcClient jdbc,
            ElasticsearchClient elasticsearch,
            SearchIndexes indexes,
            List<IndexedDocuments> documentKinds) {
        this.jdbc = jdbc;
        this.elasticsearch = elasticsearch;
        this.indexes = indexes;
        this.documentKinds = documentKinds;
    }

    /** What the writes left in PostgreSQL. */
    record Stored(int acknowledged, int storedOnce, int lost, int duplicated, int halfApplied, List<String> problems) {

        boolean holds() {
            return problems.isEmpty();
        }
    }

    /**
     * Every acknowledged creation is stored exactly once, under the id its answer named, with its Idempotency-Key
     * row pointing at it; an unacknowledged one is stored once or not at all. Every stored resource has one audit
     * event per change (its version), so no change was applied without its record. An acknowledged state change
     * shows in the resource's status.
     */
    Stored stored(List<WriteLoad.Write> writes) {
        int acknowledged = 0;
        int once = 0;
        int lost = 0;
        int duplicated = 0;
        int halfApplied = 0;
        List<String> problems = new ArrayList<>();
        for (WriteLoad.Write write : writes) {
            if (write.acknowledged()) {
                acknowledged++;
            }
            if (write.table() == null) {
                continue; // state changes are checked through the version and audit trail of what they changed
            }
            String column = switch (write.table()) {
                case "financing_request", "talent_need" -> "title";
                case "loan_product" -> "name";
                case "bid" -> "conditions";
                case "talent_application" -> "cover_letter";
                default -> throw new IllegalArgumentException(write.table());
            };
            List<Map<String, Object>> rows = jdbc.sql(
                            "select id, version from " + write.table() + " where " + column + " = :tag")
                    .param("tag", write.tag())
                    .query()
                    .listOfRows();
            List<UUID> keyed = jdbc.sql("select resource_id from idempotency_key where key = :key")
                    .param("key", write.key())
                    .query(UUID.class)
                    .list();
            if (rows.size() > 1) {
                duplicated++;
                problems.add("%s %s stored %d times".formatted(write.kind(), write.tag(), rows.size()));
                continue;
            }
            if (write.acknowledged() && rows.isEmpty()) {
                lost++;
                problems.add("%s %s answered %d but is not stored"
                        .formatted(write.kind(), write.tag(), write.finalStatus()));
                continue;
            }
            if (rows.isEmpty()) {
                if (!keyed.isEmpty()) {
                    halfApplied++;
                    problems.add(
                            "%s %s: an Idempotency-Key row without its resource".formatted(write.kind(), write.tag()));
                }
                continue;
            }
            once++;
            UUID id = (UUID) rows.getFirst().get("id");
            long version = ((Number) rows.getFirst().get("version")).longValue();
            if (write.acknowledged() && !id.toString().equals(write.resource())) {
                problems.add("%s %s stored as %s, answered as %s"
                        .formatted(write.kind(), write.tag(), id, write.resource()));
            }
            long auditEvents = jdbc.sql("select count(*) from audit_event where entity_id = :id")
                    .param("id", id)
                    .query(Long.class)
                    .single();
            if (keyed.size() != 1 || !keyed.getFirst().equals(id) || auditEvents != version) {
                halfApplied++;
                problems.add("%s %s (%s): %d Idempotency-Key rows %s, %d audit events for version %d"
                        .formatted(write.kind(), write.tag(), id, keyed.size(), keyed, auditEvents, version));
            }
        }
        for (WriteLoad.Write change : writes) {
            if (change.table() == null && change.acknowledged()) {
                String table = switch (change.kind()) {
                    case "publish-financing-request" -> "financing_request";
                    case "activate-loan-product" -> "loan_product";
                    case "open-talent-need" -> "talent_need";
                    default -> throw new IllegalArgumentException(change.kind());
                };
                String status = jdbc.sql("select status from " + table + " where id = :id::uuid")
                        .param("id", change.resource())
                        .query(String.class)
                        .optional()
                        .orElse("missing");
                if (!Set.of("open", "active").contains(status)) {
                    lost++;
                    problems.add("%s %s acknowledged, but the status is %s"
                            .formatted(change.kind(), change.resource(), status));
                }
            }
        }
        return new Stored(acknowledged, once, lost, duplicated, halfApplied, problems);
    }

    /**
     * Differences between every search index and PostgreSQL: each document that should be indexed is there, at
     * its PostgreSQL version and with exactly the content the indexer would write now; nothing else is there.
     */
    List<String> indexDifferences() throws Exception {
        List<String> differences = new ArrayList<>();
        JsonpMapper mapper = elasticsearch._jsonpMapper();
        for (IndexedDocuments kind : documentKinds) {
            String alias = indexes.alias(kind);
            elasticsearch.indices().refresh(r -> r.index(alias));
            Map<UUID, IndexedDocuments.Current> expected = new HashMap<>();
            kind.current(kind.candidateIds()).forEach((id, current) -> {
                if (current.document() != null) {
                    expected.put(id, current);
                }
            });
            var hits = elasticsearch
                    .search(s -> s.index(alias).size(10_000).version(true).query(q -> q.matchAll(m -> m)), Map.class)
                    .hits()
                    .hits();
            if (hits.size() == 10_000) {
                throw new IllegalStateException(alias + " holds 10,000 documents or more: compare in pages");
            }
            Set<UUID> seen = new HashSet<>();
            for (Hit<Map> hit : hits) {
                UUID id = UUID.fromString(hit.id());
                seen.add(id);
                IndexedDocuments.Current current = expected.get(id);
                if (current == null) {
                    differences.add(alias + "/" + id + " is indexed but should not be");
                } else if (hit.version() == null || hit.version() != current.version()) {
                    differences.add("%s/%s at version %s in the index, %d in PostgreSQL"
                            .formatted(alias, id, hit.version(), current.version()));
                } else if (!roundTrip(current.document(), mapper).equals(hit.source())) {
                    differences.add(alias + "/" + id + " differs from what PostgreSQL holds");
                }
            }
            for (UUID id : expected.keySet()) {
                if (!seen.contains(id)) {
                    differences.add(alias + "/" + id + " is missing");
                }
            }
        }
        return differences;
    }

    /** Indexed documents, all kinds together. */
    long indexedDocuments() throws Exception {
        long total = 0;
        for (IndexedDocuments kind : documentKinds) {
            total += elasticsearch.count(c -> c.index(indexes.alias(kind))).count();
        }
        return total;
    }

    /** The document as Elasticsearch gives it back: written by the same JSON mapper the indexer uses, read again. */
    private static Map<?, ?> roundTrip(Map<String, Object> document, JsonpMapper mapper) {
        String json = JsonpUtils.toJsonString(document, mapper);
        return mapper.deserialize(mapper.jsonProvider().createParser(new StringReader(json)), Map.class);
    }
}
