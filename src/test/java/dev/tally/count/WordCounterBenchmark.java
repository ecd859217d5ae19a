package dev.tally.count;

import dev.tally.fetch.Utf8Reader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-threaded throughput of {@link WordCounter#count(java.io.Reader)} over 50 MB of pseudo-English
 * ({@link PseudoEnglishText}). Reports milliseconds per pass over the whole text; the text is ASCII, so one char
 * is one UTF-8 byte and MB/s = {@link #TEXT_CHARS} / 10^6 / (ms per op / 1000), which {@link dev.tally.bench.BenchCountMain}
 * prints. The vocabulary size drives the number of distinct words and with it the cache misses of the counting
 * tables, the dominant cost; {@code -p vocabularyWords=5000} shows a friendlier text.
 *
 * <p>{@link #countUtf8Stream} reads the same text as UTF-8 bytes through {@link Utf8Reader}, the way the worker reads
 * a fetched body, so the decoding is part of the figure; {@link #countUtf8StreamJdkReader} through the JDK's
 * {@link InputStreamReader}, as the worker did before.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WordCounterBenchmark {

    public static final int TEXT_CHARS = 50_000_000;
    private static final long SEED = 20_240_601L;

    @Param({"" + PseudoEnglishText.DEFAULT_VOCABULARY})
    public int vocabularyWords;

    private final WordCounter counter = new WordCounter();
    private String text;
    private byte[] utf8;

    @Setup(Level.Trial)
    public void generateText() {
        text = PseudoEnglishText.generate(SEED, TEXT_CHARS, vocabularyWords);
        utf8 = text.getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public WordHistogram countReader() {
        return counter.count(new StringReader(text));
    }

    @Benchmark
    public WordHistogram countUtf8Stream() {
        return counter.count(Utf8Reader.of(new ByteArrayInputStream(utf8), StandardCharsets.UTF_8));
    }

    @Benchmark
    public WordHistogram countUtf8StreamJdkReader() {
        return counter.count(new InputStreamReader(new ByteArrayInputStream(utf8), StandardCharsets.UTF_8));
    }
}
