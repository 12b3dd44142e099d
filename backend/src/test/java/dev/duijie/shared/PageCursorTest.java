package dev.duijie.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void givenCursor_whenEncodedAndDecoded_thenSamePositionToTheNanosecond() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-25T10:15:30.123456789Z"), UUID.randomUUID());

        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void givenNoCursor_whenDecoded_thenFirstPage() {
        assertThat(PageCursor.decode(null)).isNull();
        assertThat(PageCursor.decode("")).isNull();
    }

    @Test
    void givenCursorBeyondYear9999_whenDecoded_thenInvalidCursorFieldNotADatabaseError() {
        String farFuture = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("9400000000000.0.00000000-0000-4000-8000-000000000001".getBytes());

        assertThatThrownBy(() -> PageCursor.decode(farFuture)).isInstanceOf(DomainProblem.class);
    }

    @Test
    void givenGarbage_whenDecoded_thenInvalidCursorField() {
        assertThatThrownBy(() -> PageCursor.decode("bm90LWEtY3Vyc29y"))
                .isInstanceOfSatisfying(
                        DomainProblem.class,
                        p -> assertThat(p.fieldProblems())
                                .extracting(DomainProblem.FieldProblem::field)
                                .containsExactly("cursor"));
    }
}
