package dev.tally.bench;

import dev.tally.result.InlineAnswerBenchmark;
import java.util.Collection;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code make bench-inline}: per vocabulary size, the BSON size of an inline word count and what answering it
 * costs the web tier (time and bytes allocated per GET), the figures behind tally.results.inline-max-bytes.
 */
public final class BenchInlineMain {

    private BenchInlineMain() {}

    public static void main(String[] args) throws Exception {
        BenchCountMain.exposeClassPathToForkedJvms();
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include(InlineAnswerBenchmark.class.getName())
                        .forks(1)
                        .warmupIterations(2)
                        .measurementIterations(3)
                        .addProfiler(GCProfiler.class)
                        .build())
                .run();
        System.out.println("| distinct words | inline BSON | GET: decode and render | allocated per GET |");
        System.out.println("|---|---|---|---|");
        for (RunResult result : results) {
            int words = Integer.parseInt(result.getParams().getParam("words"));
            InlineAnswerBenchmark sized = new InlineAnswerBenchmark();
            sized.words = words;
            sized.store();
            double allocated =
                    result.getSecondaryResults().get("gc.alloc.rate.norm").getScore();
            System.out.printf(
                    "| %,d | %,d bytes | %.1f ms | %.1f MB |%n",
                    words, sized.storedBytes(), result.getPrimaryResult().getScore(), allocated / 1e6);
        }
    }
}
