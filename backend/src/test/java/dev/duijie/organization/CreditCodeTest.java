package dev.duijie.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "91350100M000100Y43", // published example of a valid code
                "91610900MA0000101A", // the demo enterprise
                "11610900MB0000001Y" // the demo regulator
            })
    void givenValidCode_whenChecked_thenAccepted(String code) {
        assertThat(CreditCode.isValid(code)).isTrue();
        assertThat(new CreditCode(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "91350100M000100Y44", // wrong check character
                "91350100M000100Y4", // 17 characters
                "91350100M000100Y433", // 19 characters
                "91350100M000I00Y43", // I is not in the alphabet
                "91350100m000100Y43", // lower case
                ""
            })
    void givenInvalidCode_whenChecked_thenRejected(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
        assertThatThrownBy(() -> new CreditCode(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenCheckCharacterOfThirtyOne_whenComputed_thenZero() {
        // (31 - sum % 31) % 31: a sum divisible by 31 gives check character 0, not an out-of-range 31
        assertThat(CreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
    }
}
