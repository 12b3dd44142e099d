package dev.duijie.console.backend;

import dev.duijie.console.backend.api.ReferenceDataApi;
import dev.duijie.console.backend.model.ReferenceData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The county's reference data (industries, towns, collateral types, tiers, flags), read from the backend at most
 * every five minutes and shared by every page and person: it is the same for everyone signed in and changes only
 * with a backend release, while reading and parsing it on each page cost more than the rest of a simple page.
 */
@Component
public class ReferenceDataCache {

    static final Duration FRESH_FOR = Duration.ofMinutes(5);

    private final ReferenceDataApi referenceData;
    private final Clock clock;

    private record Read(ReferenceData data, Instant at) {}

    private volatile @Nullable Read last;

    @Autowired
    ReferenceDataCache(ReferenceDataApi referenceData) {
        this(referenceData, Clock.systemUTC());
    }

    ReferenceDataCache(ReferenceDataApi referenceData, Clock clock) {
        this.referenceData = referenceData;
        this.clock = clock;
    }

    /**
     * The reference data, read with the signed-in person's token when the copy at hand is older than five minutes
     * (two pages that find it stale at once may both read it; either copy is right).
     */
    public ReferenceData current() {
        Read read = last;
        Instant now = clock.instant();
        if (read == null || !now.isBefore(read.at().plus(FRESH_FOR))) {
            read = new Read(
                    Objects.requireNonNull(referenceData.getReferenceData().getBody(), "reference data"), now);
            last = read;
        }
        return read.data();
    }
}
