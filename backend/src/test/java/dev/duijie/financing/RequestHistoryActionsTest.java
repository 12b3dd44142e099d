package dev.duijie.financing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.api.dto.RequestHistoryActionDto;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The actions a request's history shows are exactly the ones its contract names (any other would answer 500). */
class RequestHistoryActionsTest {

    @Test
    void givenTheShownActions_whenComparedWithTheContractsEnum_thenTheyAreTheSame() {
        List<String> shown = RequestHistory.SHOWN.entrySet().stream()
                .flatMap(kind -> kind.getValue().stream().map(what -> kind.getKey() + "." + what))
                .toList();

        assertThat(shown)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(RequestHistoryActionDto.values())
                        .map(RequestHistoryActionDto::getValue)
                        .toList())
                .doesNotContain("bank-response.passed");
    }
}
