package dev.duijie.offer;

import dev.duijie.shared.PageCursor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The SQL of one kind of offer (its table and term columns). */
interface OfferStore<O extends Offer<T>, T extends Record> {

    OfferKind kind();

    Optional<O> find(UUID id);

    void insert(UUID id, UUID organizationId, T terms, Instant now, String createdBy);

    /** Replaces the terms if still at {@code version}; returns whether it did. */
    boolean update(UUID id, long version, T terms, Instant now);

    /** Newest first: one organization's offers in every status, or (owner null) every active offer. */
    List<O> newestFirst(@Nullable UUID owner, @Nullable PageCursor after, int limit);
}
