package dev.tally.result;

import dev.tally.count.RankedWords;
import dev.tally.count.WordCounter;
import dev.tally.count.WordHistogram;
import dev.tally.fetch.FetchedDocument;
import dev.tally.fetch.HtmlExtractionBenchmark;
import dev.tally.fetch.TextExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A worker's own work on one fetched page, as the route runs it: visible text, the word count, ranking and the
 * JSON the GridFS file holds (written to a stream that only counts). The page is the file named by the system
 * property bench.page (make bench's 100 KB page, run/bench/docs/doc100k.html), else a generated 100 KB page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class WorkerJobBenchmark {

    private final TextExtractor extractor = new TextExtractor();
    private final WordCounter counter = new WordCounter();
    private byte[] page;

    @Setup(Level.Trial)
    public void readPage() throws IOException {
        String file = System.getProperty("bench.page");
        page = file == null ? HtmlExtractionBenchmark.generate(100 * 1024) : Files.readAllBytes(Path.of(file));
    }

    @Benchmark
    public long countAndWrite() throws IOException {
        FetchedDocument document = FetchedDocument.of(
                "http://bench.test/page.html", "text/html", StandardCharsets.UTF_8, new ByteArrayInputStream(page));
        WordHistogram histogram = counter.count(extractor.extract(document));
        CountingStream out = new CountingStream();
        WordCountJson.write(RankedWords.of(histogram), out);
        return out.bytes;
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
