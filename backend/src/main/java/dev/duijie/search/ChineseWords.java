package dev.duijie.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Splits Chinese (and mixed) text into words, joined by spaces, before indexing and querying. The minimal
 * Elasticsearch distribution has no CJK analyzers; a whitespace-analyzed field of pre-segmented words
 * behaves the same on every distribution.
 */
@Component
public class ChineseWords {

    // thread-safe: Lucene analyzers reuse per-thread token streams
    private final Analyzer analyzer = new SmartChineseAnalyzer();

    public List<String> words(@Nullable String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException impossible) {
            throw new UncheckedIOException("reading a String cannot fail", impossible);
        }
        return words;
    }

    /** The words of {@code text} joined by single spaces. */
    public String segmented(@Nullable String text) {
        return String.join(" ", words(text));
    }
}
