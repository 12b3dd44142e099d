package dev.duijie.console.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageControllerTest {

    @Test
    void givenAPageOfThisConsole_thenTheSwitchReturnsThere() {
        assertThat(LanguageController.isOwnPage("/requests?status=open")).isTrue();
        assertThat(LanguageController.isOwnPage("/")).isTrue();
    }

    @Test
    void givenAnotherSite_thenTheSwitchDoesNotGoThere() {
        assertThat(LanguageController.isOwnPage("https://evil.example/")).isFalse();
        assertThat(LanguageController.isOwnPage("//evil.example/")).isFalse();
        assertThat(LanguageController.isOwnPage("/\\evil.example")).isFalse();
    }

    @Test
    void givenATag_thenOnlyEnglishIsEnglishAndEverythingElseChinese() {
        assertThat(Languages.of("en")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.of("en-GB")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.of("zh-CN")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.of("fr")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.of(null)).isEqualTo(Languages.CHINESE);
    }
}
