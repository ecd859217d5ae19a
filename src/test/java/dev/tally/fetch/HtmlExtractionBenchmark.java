package dev.tally.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
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
 * HTML to visible text, single thread, on a generated ~10 MB page (paragraphs, lists, tables, inline markup,
 * entities, scripts and styles), read to the end as the word counter reads it. Average time per page; MB/s =
 * PAGE_BYTES / seconds per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class HtmlExtractionBenchmark {

    public static final int TARGET_BYTES = 10 * 1024 * 1024;

    private final TextExtractor extractor = new TextExtractor();
    private byte[] page;

    /** The generated page, or the file named by the system property bench.page (make bench's page, say). */
    @Setup(Level.Trial)
    public void generatePage() throws IOException {
        String file = System.getProperty("bench.page");
        page = file == null ? generate(TARGET_BYTES) : Files.readAllBytes(Path.of(file));
    }

    @Benchmark
    public long extractVisibleText() throws IOException {
        FetchedDocument document = FetchedDocument.of(
                "http://bench.test/page.html", "text/html", StandardCharsets.UTF_8, new ByteArrayInputStream(page));
        char[] buffer = new char[64 * 1024];
        long chars = 0;
        try (Reader text = extractor.extract(document)) {
            for (int read; (read = text.read(buffer)) != -1; ) {
                chars += read;
            }
        }
        return chars;
    }

    /** The extraction TextExtractor did before it streamed (jsoup's tree, then JsoupVisibleText), for comparison. */
    @Benchmark
    public long extractWithJsoup() throws IOException {
        return JsoupVisibleText.of(Jsoup.parse(new ByteArrayInputStream(page), "UTF-8", "http://bench.test/page.html"))
                .length();
    }

    public static byte[] generate(int targetBytes) {
        String[] words = {
            "the",
            "quick",
            "brown",
            "fox",
            "jumps",
            "over",
            "lazy",
            "dog's",
            "caf&eacute;",
            "na&iuml;ve",
            "r&eacute;sum&eacute;",
            "1,000",
            "hello_world",
            "&amp;",
            "Don't",
            "<b>bold</b>",
            "<a href=\"/x\">link</a>"
        };
        Random random = new Random(42);
        StringBuilder html = new StringBuilder(targetBytes + 4096);
        html.append("<!doctype html><html><head><title>Bench</title><style>p{margin:0}</style></head><body>");
        while (html.length() < targetBytes) {
            switch (random.nextInt(4)) {
                case 0 ->
                    html.append("<script>var x = ").append(random.nextInt()).append(";</script>");
                case 1 -> html.append("<ul><li>item one</li><li>item two</li></ul>");
                case 2 -> html.append("<table><tr><td>cell</td><td>value</td></tr></table>");
                default -> {}
            }
            html.append("<p>");
            for (int i = 0; i < 60; i++) {
                html.append(words[random.nextInt(words.length)]).append(' ');
            }
            html.append("</p>\n");
        }
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
