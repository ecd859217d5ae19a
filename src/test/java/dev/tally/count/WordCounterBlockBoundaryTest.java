package dev.tally.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bulk ASCII path works on blocks of 64 chars (groups of 8 inside) and stretches of up to 16 K chars, and
 * hands tokens that reach a stretch's end, or meet a non-ASCII char, to the char-by-char path. This slides tricky
 * snippets across every offset around those boundaries and checks the histogram against the naive reference.
 */
class WordCounterBlockBoundaryTest {

    private static final int STRETCH = 16 * 1024;

    private final WordCounter counter = new WordCounter();

    static List<String> snippets() {
        return List.of(
                "''ab'c'' x",
                "'",
                "'''",
                "a'",
                "'a",
                "ab''cd",
                "Hello_World9",
                "q",
                "'".repeat(70) + "word",
                "w" + "'".repeat(70) + "z",
                "Supercalifragilistic",
                "Sixteen_chars_XY",
                "nine_char",
                "x".repeat(150),
                "ab\u00E9c",
                "ab'\u00C9",
                "\u00E9'ab",
                "Caf\u00C9'S",
                "\u03A3IGMA a'b");
    }

    @ParameterizedTest
    @MethodSource("snippets")
    void snippetAtEveryOffsetAroundBlockBoundaries(String snippet) {
        for (int offset = 0; offset <= 72; offset++) {
            String prefix = ". ".repeat(offset / 2) + (offset % 2 == 0 ? "" : "'");
            assertCountsLikeTheReference(prefix + snippet + " z'" + snippet);
        }
    }

    @ParameterizedTest
    @MethodSource("snippets")
    void snippetAroundTheEndOfAStretchAndOfTheReadBuffer(String snippet) {
        for (int offset = STRETCH - 48; offset <= STRETCH + 8; offset++) {
            String prefix = "ab ".repeat(offset / 3) + "c".repeat(offset % 3);
            assertCountsLikeTheReference(prefix + snippet + " tail");
        }
    }

    private void assertCountsLikeTheReference(String text) {
        WordHistogram histogram = counter.countText(text);

        assertThat(histogram.counts()).as(text).isEqualTo(WordCounterRandomTextTest.naiveReference(text));
        assertThat(counter.count(ChunkedReader.chunksOf(text, 97))).isEqualTo(histogram);
    }
}
