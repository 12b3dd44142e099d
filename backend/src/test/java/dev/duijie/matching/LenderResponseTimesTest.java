package dev.duijie.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The lender's response-time factor: a bank is ranked by its own median time to answer, a bank without a record
 * as the county's median bank (so being new neither helps nor hurts), and answering within hours scores near 1,
 * a day half.
 */
class LenderResponseTimesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final UUID QUICK = UUID.randomUUID();
    private static final UUID MIDDLING = UUID.randomUUID();
    private static final UUID SLOW = UUID.randomUUID();

    @Test
    void givenBanksWithRecords_whenRanking_thenEachByItsOwnAndANewBankByTheCountysMedian() {
        LenderResponseTimes.Snapshot snapshot = LenderResponseTimes.Snapshot.of(
                Map.of(QUICK, Duration.ofHours(2), MIDDLING, Duration.ofHours(10), SLOW, Duration.ofHours(72)), NOW);

        assertThat(snapshot.rankedBy(QUICK)).contains(Duration.ofHours(2));
        assertThat(snapshot.rankedBy(SLOW)).contains(Duration.ofHours(72));
        assertThat(snapshot.rankedBy(UUID.randomUUID())).contains(Duration.ofHours(10));
        assertThat(snapshot.takenAt()).isEqualTo(NOW);
    }

    @Test
    void givenAnEvenNumberOfRecords_whenTheCountysMedianIsTaken_thenTheMeanOfTheMiddleTwo() {
        LenderResponseTimes.Snapshot snapshot =
                LenderResponseTimes.Snapshot.of(Map.of(QUICK, Duration.ofHours(1), SLOW, Duration.ofHours(4)), NOW);

        assertThat(snapshot.countyMedian()).contains(Duration.ofMinutes(150));
    }

    @Test
    void givenNoBankWithARecord_whenRanking_thenNobodyIsRankedByResponseTime() {
        LenderResponseTimes.Snapshot snapshot = LenderResponseTimes.Snapshot.of(Map.of(), NOW);

        assertThat(snapshot.countyMedian()).isEmpty();
        assertThat(snapshot.rankedBy(QUICK)).isEmpty();
    }

    @Test
    void givenResponseTimes_whenScored_thenAtOnceIsOneADayIsHalfAndSlowerNeverQuiteZero() {
        assertThat(LoanProductScoring.responseFit(Duration.ZERO)).isEqualTo(1.0);
        assertThat(LoanProductScoring.responseFit(Duration.ofHours(24))).isCloseTo(0.5, offset(1e-9));
        assertThat(LoanProductScoring.responseFit(Duration.ofHours(2)))
                .isCloseTo(Math.pow(0.5, Math.pow(2 / 24.0, 2)), offset(1e-9));
        assertThat(LoanProductScoring.responseFit(Duration.ofHours(2)))
                .isGreaterThan(LoanProductScoring.responseFit(Duration.ofHours(72)));
        // Elasticsearch takes a function's weight only when it is positive
        assertThat(LoanProductScoring.responseFit(Duration.ofDays(60))).isEqualTo(1e-6);
    }
}
