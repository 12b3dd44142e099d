package dev.duijie.search;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Announces that a document changed. Joins the caller's transaction, so change and announcement commit together. */
@Component
public class SearchOutbox {

    private final JdbcClient jdbc;

    SearchOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(IndexedDocuments documents, UUID id) {
        jdbc.sql("insert into search_outbox (document_type, document_id) values (:type, :id)")
                .param("type", documents.name())
                .param("id", id)
                .update();
    }

    /** Announces many documents at once, e.g. to fill a new index; a transaction of its own. */
    @Transactional
    public void changedAll(IndexedDocuments documents, List<UUID> ids) {
        jdbc.sql("insert into search_outbox (document_type, document_id) select :type, unnest(:ids)")
                .param("type", documents.name())
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }
}
