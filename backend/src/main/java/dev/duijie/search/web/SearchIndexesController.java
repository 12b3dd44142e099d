package dev.duijie.search.web;

import dev.duijie.api.SearchIndexesApi;
import dev.duijie.api.dto.IndexRebuildDto;
import dev.duijie.search.SearchIndexes;
import dev.duijie.security.Callers;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchIndexesController implements SearchIndexesApi {

    private final SearchIndexes indexes;

    SearchIndexesController(SearchIndexes indexes) {
        this.indexes = indexes;
    }

    @Override
    public ResponseEntity<IndexRebuildDto> rebuildSearchIndex(String indexName) {
        Callers.current().requireAnyRole(Role.REGULATOR);
        var kind = indexes.kind(indexName)
                .orElseThrow(() -> DomainProblem.invalidField(
                        "indexName", "field.index-name.unknown", String.join(", ", indexes.names())));
        var rebuilt = indexes.rebuild(kind);
        return ResponseEntity.ok(new IndexRebuildDto()
                .index(rebuilt.index())
                .documents(rebuilt.documents())
                .tookMillis(rebuilt.tookMillis()));
    }
}
