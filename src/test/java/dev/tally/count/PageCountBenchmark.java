package dev.tally.count;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A worker's job of one 100 KB page after extraction, in microseconds: counting its text into a histogram
 * ({@link #countPage}, the tables' words copied into the histogram included) and ranking that histogram
 * ({@link #rankPage}). The page has about 5,000 distinct words, as make bench's 100 KB document. Run it with
 * {@code -jvmArgsAppend -XX:TieredStopAtLevel=1} for the C1 the cluster's workers use (bench/limits.md).
 *
 * <p>Where the host steals CPU time, JMH's wall-clock figures spread by a third: compare two builds with
 * {@link dev.tally.bench.InterleavedBuilds} instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PageCountBenchmark {

    private static final int PAGE_CHARS = 100_000;

    private final WordCounter counter = new WordCounter();
    private String page;
    private WordHistogram histogram;

    @Setup(Level.Trial)
    public void generatePage() {
        page = PseudoEnglishText.generate(14L, PAGE_CHARS, PseudoEnglishText.DEFAULT_VOCABULARY);
        histogram = counter.countText(page);
    }

    @Benchmark
    public WordHistogram countPage() {
        return counter.countText(page);
    }

    @Benchmark
    public RankedWords rankPage() {
        return RankedWords.of(histogram);
    }
}
