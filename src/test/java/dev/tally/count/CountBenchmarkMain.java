package dev.tally.count;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link WordCounterBenchmark} and prints "tokenizer: X MB/s" (MB = 10^6 bytes). JMH command-line options
 * pass through; forks 1, warmup iterations 2 and measurement iterations 3 apply unless given.
 */
public final class CountBenchmarkMain {

    private CountBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(commandLine);
        if (commandLine.getIncludes().isEmpty()) {
            options.include(WordCounterBenchmark.class.getName());
        }
        if (!commandLine.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!commandLine.getWarmupIterations().hasValue()) {
            options.warmupIterations(2);
        }
        if (!commandLine.getMeasurementIterations().hasValue()) {
            options.measurementIterations(3);
        }
        exposeClassPathToForkedJvms();
        Collection<RunResult> results = new Runner(options.build()).run();
        double megabytes = WordCounterBenchmark.TEXT_CHARS / 1e6;
        for (RunResult result : results) {
            String params = results.size() > 1 ? " " + result.getParams().id() : "";
            System.out.printf("tokenizer: %.1f MB/s%s%n", megabytes / secondsPerOperation(result), params);
        }
    }

    private static double secondsPerOperation(RunResult result) {
        BenchmarkParams params = result.getParams();
        double score = result.getPrimaryResult().getScore();
        double secondsPerUnit = params.getTimeUnit().toNanos(1) / (double) TimeUnit.SECONDS.toNanos(1);
        return switch (params.getMode()) {
            case Throughput -> secondsPerUnit / score;
            default -> score * secondsPerUnit;
        };
    }

    /**
     * JMH launches forks with -cp taken from java.class.path. Under {@code mvn exec:java} that property holds only
     * Maven's launcher, while the test classpath lives in the URLClassLoader that loaded this class; publish it.
     * Under a plain {@code java -cp} the application loader is no URLClassLoader and nothing changes.
     */
    private static void exposeClassPathToForkedJvms() throws URISyntaxException {
        if (!(CountBenchmarkMain.class.getClassLoader() instanceof URLClassLoader loader)) {
            return;
        }
        List<String> entries = new ArrayList<>();
        for (URL url : loader.getURLs()) {
            if ("file".equals(url.getProtocol())) {
                entries.add(Path.of(url.toURI()).toString());
            }
        }
        System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
    }
}
