package dev.duijie.offer.web;

import dev.duijie.api.dto.OfferStatusChangeDto;
import dev.duijie.offer.Offer;
import dev.duijie.offer.OfferService;
import dev.duijie.offer.OfferStatus;
import dev.duijie.security.Callers;
import dev.duijie.shared.Page;
import dev.duijie.shared.Versions;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

/**
 * The five endpoints every kind of offer has (list, create, get, update, change status), written once;
 * each controller only maps its own DTOs.
 */
final class OfferEndpoints<O extends Offer<T>, T extends Record, D> {

    private final OfferService<O, T> offers;
    private final String path;
    private final Function<O, D> toDto;

    OfferEndpoints(OfferService<O, T> offers, String path, Function<O, D> toDto) {
        this.offers = offers;
        this.path = path;
        this.toDto = toDto;
    }

    <P> ResponseEntity<P> list(
            @Nullable Boolean mine,
            @Nullable String cursor,
            int limit,
            BiFunction<List<D>, @Nullable String, P> toPage) {
        Page<O> page = offers.list(Callers.current(), Boolean.TRUE.equals(mine), cursor, limit);
        return ResponseEntity.ok(toPage.apply(page.items().stream().map(toDto).toList(), page.nextCursor()));
    }

    ResponseEntity<D> create(T terms, @Nullable String idempotencyKey) {
        O created = offers.create(Callers.current(), terms, idempotencyKey);
        return ResponseEntity.created(URI.create(path + "/" + created.state().id()))
                .eTag(Versions.etag(created.state().version()))
                .body(toDto.apply(created));
    }

    ResponseEntity<D> get(UUID id) {
        return withEtag(offers.get(Callers.current(), id));
    }

    ResponseEntity<D> update(UUID id, @Nullable String ifMatch, T terms) {
        return withEtag(offers.update(Callers.current(), id, Versions.fromIfMatch(ifMatch), terms));
    }

    ResponseEntity<D> changeStatus(UUID id, @Nullable String ifMatch, OfferStatusChangeDto change) {
        return withEtag(offers.changeStatus(
                Callers.current(),
                id,
                Versions.fromOptionalIfMatch(ifMatch),
                OfferStatus.valueOf(change.getStatus().name())));
    }

    private ResponseEntity<D> withEtag(O offer) {
        return ResponseEntity.ok().eTag(Versions.etag(offer.state().version())).body(toDto.apply(offer));
    }
}
