package dev.duijie.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void givenEtag_whenSentBackAsIfMatch_thenSameVersion() {
        assertThat(Versions.fromIfMatch(Versions.etag(7))).isEqualTo(7);
        assertThat(Versions.fromIfMatch("W/\"7\"")).isEqualTo(7);
    }

    @Test
    void givenNoIfMatch_whenUpdating_thenVersionRequired() {
        assertThatThrownBy(() -> Versions.fromIfMatch(null))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.VERSION_REQUIRED));
        assertThatThrownBy(() -> Versions.fromIfMatch(" "))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.VERSION_REQUIRED));
    }

    @Test
    void givenForeignEtag_whenUpdating_thenStale() {
        assertThatThrownBy(() -> Versions.fromIfMatch("\"abc\""))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.STALE_VERSION));
        assertThatThrownBy(() -> Versions.fromIfMatch("*"))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.STALE_VERSION));
    }
}
