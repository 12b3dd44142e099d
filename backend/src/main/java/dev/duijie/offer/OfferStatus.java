package dev.duijie.offer;

import java.util.Set;

/** draft → active ⇄ paused; anything but retired → retired (final). */
public enum OfferStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    RETIRED;

    /** The statuses a product may move to from this one. */
    Set<OfferStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(ACTIVE, RETIRED);
            case ACTIVE -> Set.of(PAUSED, RETIRED);
            case PAUSED -> Set.of(ACTIVE, RETIRED);
            case RETIRED -> Set.of();
        };
    }
}
