package dev.tally.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The counting side failing mid-text, which the word scanner cannot be made to do: the reading thread lets go of the
 * reader before the failure reaches the caller, and goes back to its pool uninterrupted.
 */
class ReadAheadTest {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> new Thread(task, "ahead"));

    @AfterEach
    void stopThread() {
        thread.shutdownNow();
    }

    @Test
    void aFailingScannerReturnsOnlyOnceTheReadingThreadHasLetGoOfTheReader() throws Exception {
        IllegalStateException failure = new IllegalStateException("scanner broke");
        AtomicInteger fed = new AtomicInteger();
        WatchedReader reader = new WatchedReader(ChunkedReader.chunksOf("word ".repeat(100_000), 64), 100);

        assertThatThrownBy(() -> ReadAhead.countRest(
                        reader,
                        (chars, offset, length) -> {
                            if (fed.incrementAndGet() == 3) {
                                // fails while the reading thread is in a read, which takes it 100 ms
                                await().pollDelay(Duration.ZERO)
                                        .pollInterval(Duration.ofMillis(1))
                                        .atMost(Duration.ofSeconds(5))
                                        .until(() -> reader.readsInProgress.get() > 0);
                                throw failure;
                            }
                        },
                        thread,
                        64))
                .isSameAs(failure);
        int reads = reader.reads.get();

        assertThat(reader.readsInProgress.get())
                .as("reads in progress on the reading thread")
                .isZero();
        Thread.sleep(100);
        assertThat(reader.reads.get()).as("reads after the count gave up").isEqualTo(reads);
        assertThat(thread.submit(() -> Thread.currentThread().isInterrupted()).get(5, TimeUnit.SECONDS))
                .as("the pool's thread is not left interrupted")
                .isFalse();
    }

    @Test
    void theThreadReadsAgainAfterAFailedCount() throws Exception {
        ChunkedReader broken = ChunkedReader.chunksOf("word ".repeat(10_000), 64);
        assertThatThrownBy(() -> ReadAhead.countRest(
                        broken,
                        (chars, offset, length) -> {
                            throw new IllegalStateException("scanner broke");
                        },
                        thread,
                        64))
                .hasMessage("scanner broke");

        StringBuilder read = new StringBuilder();
        boolean started = ReadAhead.countRest(
                ChunkedReader.chunksOf("a b c ".repeat(1_000), 64),
                (chars, offset, length) -> read.append(chars, offset, length),
                thread,
                64);

        assertThat(started).isTrue();
        assertThat(read.toString()).isEqualTo("a b c ".repeat(1_000));
    }
}
