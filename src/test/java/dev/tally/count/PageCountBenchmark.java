package dev.tally.count;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * <p>Where the host steals CPU time, JMH's wall-clock figures spread by a third; {@link #main} times the same two
 * operations by the thread's CPU time instead and prints the best of 9 passes:
 * {@code java -XX:TieredStopAtLevel=1 -cp target/classes:target/test-classes dev.tally.count.PageCountBenchmark}.
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

    public static void main(String[] args) {
        PageCountBenchmark benchmark = new PageCountBenchmark();
        benchmark.generatePage();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int pages = 300;
        long bestCount = Long.MAX_VALUE;
        long bestRank = Long.MAX_VALUE;
        long words = 0;
        for (int pass = 0; pass < 12; pass++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < pages; i++) {
                words += benchmark.countPage().counts().size();
            }
            long counted = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < pages; i++) {
                words += benchmark.rankPage().size();
            }
            long ranked = threads.getCurrentThreadCpuTime();
            if (pass >= 3) { // the first passes warm the JIT up
                bestCount = Math.min(bestCount, counted - start);
                bestRank = Math.min(bestRank, ranked - counted);
            }
        }
        System.out.printf(
                "countPage %.1f us, rankPage %.1f us of CPU per page (%d words)%n",
                bestCount / 1e3 / pages, bestRank / 1e3 / pages, words / 24 / pages);
    }
}
