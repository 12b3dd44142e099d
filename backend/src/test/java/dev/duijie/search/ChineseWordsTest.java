package dev.duijie.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseWordsTest {

    private final ChineseWords chineseWords = new ChineseWords();

    @Test
    void givenChinesePhrase_whenSegmented_thenMultiCharacterWordsStayWhole() {
        assertThat(chineseWords.words("扩建腊肉熏制车间")).contains("腊肉", "车间");
        assertThat(chineseWords.words("中药材烘干设备")).contains("设备");
    }

    @Test
    void givenMixedText_whenSegmented_thenLatinWordsAreLowerCasedWholeAndPunctuationDropped() {
        assertThat(chineseWords.words("ABC公司，年产200吨！")).contains("abc", "公司").doesNotContain("，", "！");
    }

    @Test
    void givenNothing_whenSegmented_thenEmpty() {
        assertThat(chineseWords.segmented(null)).isEmpty();
        assertThat(chineseWords.segmented("   ")).isEmpty();
    }
}
