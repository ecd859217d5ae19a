package dev.tally.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A long text's reading goes on in another thread: the same histogram, the same failures, the reader closed after. */
class WordCounterReadAheadTest {

    private static final String TEXT =
            "Don't stop rock'n'roll'' \u039F\u0394\u039F\u03A3. caf\u00E9 \uD83D\uDE00x the THE n4t3_x\n";
    private static final int AFTER = 100;
    /** Long enough for its reading to go on in the other thread. */
    private static final String WORDS = "word ".repeat(2 * AFTER);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> new Thread(task, "ahead"));
    private final WordCounter counter = new WordCounter(thread, AFTER);

    @AfterEach
    void stopThread() {
        thread.shutdownNow();
    }

    @Test
    void countsWhatOneThreadCountsAndReadsTheRestOnTheOtherThread() {
        String text = TEXT.repeat(3_000);
        WatchedReader reader = new WatchedReader(ChunkedReader.cyclingChunks(text, 97));

        WordHistogram histogram = counter.count(reader);

        assertThat(histogram).isEqualTo(new WordCounter().countText(text));
        assertThat(reader.readers)
                .containsExactlyInAnyOrder(Thread.currentThread().getName(), "ahead");
        assertThat(reader.closedBy()).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void aShortTextIsReadOnTheCallersThreadAlone() {
        WatchedReader reader = new WatchedReader(ChunkedReader.chunksOf("short text", 3));

        counter.count(reader);

        assertThat(reader.readers).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void withNoFreeThreadTheCallerReadsTheRest() {
        WordCounter busy = new WordCounter(
                task -> {
                    throw new RejectedExecutionException("all busy");
                },
                AFTER);
        String text = TEXT.repeat(100);
        WatchedReader reader = new WatchedReader(ChunkedReader.chunksOf(text, 50));

        assertThat(busy.count(reader)).isEqualTo(new WordCounter().countText(text));
        assertThat(reader.readers).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aRuntimeExceptionOfTheReadingThreadReachesTheCallerUnchangedAndTheReaderIsClosed() {
        IllegalStateException failure = new IllegalStateException("document too large");
        FailingReader reader = new FailingReader(WORDS, 40, failure);

        assertThatThrownBy(() -> counter.count(reader)).isSameAs(failure);
        assertThat(reader.failedOn()).isEqualTo("ahead");
        assertThat(reader.isClosed()).isTrue();
    }

    @Test
    void anIoExceptionOfTheReadingThreadIsWrappedAsOnTheCallersThread() {
        IOException failure = new IOException("connection reset");

        assertThatThrownBy(() -> counter.count(new FailingReader(WORDS, 40, failure)))
                .isInstanceOf(UncheckedIOException.class)
                .hasCause(failure);
    }

    @Test
    void anInterruptDoesNotStopTheCountAndIsKept() {
        String text = TEXT.repeat(1_000);
        Thread caller = Thread.currentThread();
        Reader reader = new WatchedReader(ChunkedReader.chunksOf(text, 64)) {
            private int reads;

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                if (++reads == 20) {
                    caller.interrupt();
                }
                return super.read(buffer, offset, length);
            }
        };

        WordHistogram histogram = counter.count(reader);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(histogram).isEqualTo(new WordCounter().countText(text));
    }

    @Test
    void theReadingThreadServesOneCountAfterAnother() {
        String text = TEXT.repeat(500);
        WordHistogram expected = new WordCounter().countText(text);

        for (int count = 0; count < 20; count++) {
            assertThat(counter.count(ChunkedReader.chunksOf(text, 70))).isEqualTo(expected);
        }
    }
}
