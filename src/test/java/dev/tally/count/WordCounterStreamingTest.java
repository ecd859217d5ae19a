package dev.tally.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WordCounterStreamingTest {

    /** Surrogate pairs, a final sigma, 'İ' and apostrophes, so that chunk boundaries split all of them. */
    private static final String MIXED_TEXT = String.join(
            " ",
            "Don't stop",
            "rock'n'roll''",
            "\uD801\uDC00\uD801\uDC01x",
            "\u039F\u0394\u039F\u03A3.",
            "\u0130stanbul",
            "caf\u00E9 cafe\u0301",
            "\uD83D\uDE00emoji\uD83D\uDE00",
            "\u03A3\u03A3",
            "x\u00B2",
            "\u6771\u4EAC",
            "n4t3_x\n");

    private final WordCounter counter = new WordCounter();

    @Test
    void oneCharPerReadGivesTheSameHistogramAsBigChunks() {
        String text = MIXED_TEXT.repeat(2_000);

        WordHistogram trickled = counter.count(ChunkedReader.oneCharPerRead(text));
        WordHistogram chunked = counter.count(ChunkedReader.chunksOf(text, 1 << 20));

        assertThat(trickled).isEqualTo(chunked);
        assertThat(chunked.totalWords()).isEqualTo(2_000L * 14); // "İstanbul" and "café cafe\u0301" give two each
        assertThat(chunked.counts())
                .containsEntry("don't", 2_000L)
                .containsEntry("\uD801\uDC28\uD801\uDC29x", 2_000L)
                .containsEntry("\u03BF\u03B4\u03BF\u03C2", 2_000L)
                .containsEntry("\u03C3\u03C2", 2_000L)
                .containsEntry("i", 2_000L)
                .containsEntry("cafe", 2_000L);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 7, 64})
    void everyChunkBoundaryGivesTheSameHistogram(int maxChunkSize) {
        String text = MIXED_TEXT.repeat(50);

        assertThat(counter.count(ChunkedReader.cyclingChunks(text, maxChunkSize)))
                .isEqualTo(counter.countText(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("dev.tally.count.WordCounterParityTest#cases")
    void parityCasesHoldWhenReadOneCharAtATime(String input, List<String> expectedTokens) {
        WordHistogram histogram = counter.count(ChunkedReader.oneCharPerRead(input));

        assertThat(histogram.counts()).isEqualTo(WordCounterParityTest.histogramOf(expectedTokens));
        assertThat(histogram.totalWords()).isEqualTo(expectedTokens.size());
    }

    @Test
    void closesTheReaderAfterCounting() {
        ChunkedReader reader = ChunkedReader.chunksOf("a b", 1);

        counter.count(reader);

        assertThat(reader.isClosed()).isTrue();
    }

    @Test
    void runtimeExceptionFromTheReaderPropagatesUnchangedAndTheReaderIsClosed() {
        IllegalStateException failure = new IllegalStateException("broken upstream");
        FailingReader reader = new FailingReader("some words ", 11, failure);

        assertThatThrownBy(() -> counter.count(reader)).isSameAs(failure);
        assertThat(reader.isClosed()).isTrue();
    }

    @Test
    void ioExceptionFromTheReaderIsWrappedAndTheReaderIsClosed() {
        IOException failure = new IOException("disk on fire");
        FailingReader reader = new FailingReader("some words ", 11, failure);

        assertThatThrownBy(() -> counter.count(reader))
                .isInstanceOf(UncheckedIOException.class)
                .hasCause(failure);
        assertThat(reader.isClosed()).isTrue();
    }

    @Test
    void emptyReaderGivesAnEmptyHistogram() {
        WordHistogram histogram = counter.count(ChunkedReader.chunksOf("", 1));

        assertThat(histogram.counts()).isEmpty();
        assertThat(histogram.totalWords()).isZero();
        assertThat(histogram.distinctWords()).isZero();
    }
}
