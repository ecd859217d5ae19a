package dev.tally.bench;

import dev.tally.count.WordCounterBenchmark;
import dev.tally.fetch.HtmlExtractionBenchmark;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code make bench-count}: the tokenizer's and the HTML extraction's single-thread throughput (the latter also
 * as jsoup did it before, to compare on the same machine and load), in MB/s
 * (10^6 bytes of input per second), from JMH average times per pass over a generated document.
 */
public final class BenchCountMain {

    private BenchCountMain() {}

    public static void main(String[] args) throws Exception {
        exposeClassPathToForkedJvms();
        report(
                "tokenizer (plain text, 50 MB)",
                WordCounterBenchmark.class,
                "countReader",
                WordCounterBenchmark.TEXT_CHARS);
        report(
                "tokenizer (the same as a UTF-8 byte stream, as the worker reads it)",
                WordCounterBenchmark.class,
                "countUtf8Stream",
                WordCounterBenchmark.TEXT_CHARS);
        long pageBytes = HtmlExtractionBenchmark.generate(HtmlExtractionBenchmark.TARGET_BYTES).length;
        report("html extraction (10 MB page)", HtmlExtractionBenchmark.class, "extractVisibleText", pageBytes);
        report(
                "html extraction with jsoup, as before (the same page)",
                HtmlExtractionBenchmark.class,
                "extractWithJsoup",
                pageBytes);
    }

    private static void report(String name, Class<?> benchmark, String method, long bytesPerOperation)
            throws Exception {
        RunResult result = new Runner(new OptionsBuilder()
                        .include(Pattern.quote(benchmark.getName() + "." + method) + "$")
                        .forks(1)
                        .warmupIterations(2)
                        .measurementIterations(3)
                        .build())
                .run()
                .iterator()
                .next();
        double millis = result.getPrimaryResult().getScore();
        double perOperation = result.getParams().getTimeUnit().toNanos(1) / (double) TimeUnit.MILLISECONDS.toNanos(1);
        double seconds = millis * perOperation / 1000.0;
        System.out.printf(
                "%s: %.1f MB/s (%.1f ms per pass)%n", name, bytesPerOperation / 1e6 / seconds, millis * perOperation);
    }

    /**
     * JMH forks take their class path from java.class.path, which under {@code mvn exec:java} names only Maven's
     * launcher; the test class path lives in the class loader, so publish that one.
     */
    static void exposeClassPathToForkedJvms() throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = BenchCountMain.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urlLoader) {
                for (URL url : urlLoader.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        entries.add(Path.of(url.toURI()).toString());
                    }
                }
            }
        }
        if (!entries.isEmpty()) {
            System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        }
    }
}
