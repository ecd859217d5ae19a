package dev.tally.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming extraction against the jsoup one it replaced (JsoupVisibleText): the same words, in the same
 * order, on generated pages (NastyHtml says which corners of jsoup's tree builder they avoid); and the same
 * text however the input is cut into chunks.
 */
class HtmlTextDifferentialTest {

    private static final int PAGES = 400;

    static Stream<Long> seeds() {
        return LongStream.range(0, PAGES).boxed();
    }

    @ParameterizedTest(name = "nasty page, seed {0}")
    @MethodSource("seeds")
    void findsTheWordsJsoupFinds(long seed) throws IOException {
        String html = NastyHtml.page(seed, 500 + (int) (seed % 8) * 1000);

        String text = streamed(HtmlTextReader.of(html));
        Random chunks = new Random(seed);

        assertSameWords(html, words(text), words(JsoupVisibleText.of(html)));
        assertThat(streamed(HtmlTextReader.of(ChunkedHtml.of(html, () -> 1 + chunks.nextInt(60)))))
                .as("the same text however the input is cut, page %s", html)
                .isEqualTo(text);
    }

    @Test
    void findsTheWordsJsoupFindsOnTheBenchmarkPage() throws IOException {
        byte[] page = HtmlExtractionBenchmark.generate(2 * 1024 * 1024);
        FetchedDocument document =
                FetchedDocument.of("http://example.test/", "text/html", null, new ByteArrayInputStream(page));

        String text = streamed(new TextExtractor().extract(document));

        String html = new String(page, UTF_8);
        assertSameWords(html, words(text), words(JsoupVisibleText.of(html)));
        assertThat(words(text)).hasSizeGreaterThan(200_000);
    }

    private static void assertSameWords(String html, List<String> actual, List<String> expected) {
        int differsAt = Arrays.mismatch(actual.toArray(), expected.toArray());
        if (differsAt >= 0) {
            assertThat(window(actual, differsAt))
                    .as("words from %s on (jsoup has %s) in %s", differsAt, window(expected, differsAt), html)
                    .isEqualTo(window(expected, differsAt));
        }
    }

    private static List<String> window(List<String> words, int at) {
        return words.subList(Math.max(0, at - 3), Math.min(words.size(), at + 4));
    }

    private static List<String> words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("[ \n]+"));
    }

    private static String streamed(Reader reader) throws IOException {
        StringWriter text = new StringWriter();
        try (reader) {
            reader.transferTo(text);
        }
        return text.toString();
    }
}
