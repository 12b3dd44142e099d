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
                .isInstanceOfSatisfying(
                        DomainProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.VERSION_REQUIRED));
        assertThatThrownBy(() -> Versions.fromIfMatch(" "))
                .isInstanceOfSatisfying(
                        DomainProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.VERSION_REQUIRED));
    }

    @Test
    void givenForeignEtag_whenUpdating_thenStale() {
        assertThatThrownBy(() -> Versions.fromIfMatch("\"abc\""))
                .isInstanceOfSatisfying(
                        DomainProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.STALE_VERSION));
    }

    @Test
    void givenStar_whenChecked_thenAnyCurrentVersionMatches() {
        // RFC 9110: If-Match: * is true whenever there is a current representation
        assertThat(Versions.fromIfMatch("*")).isEqualTo(Versions.ANY);
        Versions.check(Versions.fromIfMatch("*"), 42);
    }

    @Test
    void givenOptionalIfMatch_whenAbsent_thenAnyVersionAndWhenStale_then412() {
        assertThat(Versions.fromOptionalIfMatch(null)).isEqualTo(Versions.ANY);
        assertThatThrownBy(() -> Versions.check(Versions.fromOptionalIfMatch("\"3\""), 4))
                .isInstanceOfSatisfying(
                        DomainProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.STALE_VERSION));
    }
}
