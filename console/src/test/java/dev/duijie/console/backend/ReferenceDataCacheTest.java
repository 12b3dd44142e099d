package dev.duijie.console.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.console.backend.api.ReferenceDataApi;
import dev.duijie.console.backend.model.NamedCode;
import dev.duijie.console.backend.model.ReferenceData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class ReferenceDataCacheTest {

    /** A backend whose reference data names one town, numbered by how often it was read. */
    private static final class CountingBackend implements ReferenceDataApi {

        int reads;

        @Override
        public ResponseEntity<ReferenceData> getReferenceData() {
            reads++;
            return ResponseEntity.ok(new ReferenceData()
                    .regions(List.of(
                            new NamedCode().code("town-" + reads).nameZh("镇").nameEn("Town"))));
        }
    }

    private static final class SettableClock extends Clock {

        Instant now = Instant.parse("2026-12-08T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final CountingBackend backend = new CountingBackend();
    private final SettableClock clock = new SettableClock();
    private final ReferenceDataCache cache = new ReferenceDataCache(backend, clock);

    @Test
    void pagesWithinFiveMinutesShareOneRead() {
        cache.current();
        clock.now = clock.now.plus(ReferenceDataCache.FRESH_FOR).minusSeconds(1);

        ReferenceData data = cache.current();

        assertThat(backend.reads).isEqualTo(1);
        assertThat(data.getRegions().getFirst().getCode()).isEqualTo("town-1");
    }

    @Test
    void aCopyFiveMinutesOldIsReadAgain() {
        cache.current();
        clock.now = clock.now.plus(Duration.ofMinutes(5));

        ReferenceData data = cache.current();

        assertThat(backend.reads).isEqualTo(2);
        assertThat(data.getRegions().getFirst().getCode()).isEqualTo("town-2");
    }
}
