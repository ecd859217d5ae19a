package dev.tally.fetch;

import static dev.tally.fetch.FetchTestSupport.carries;
import static dev.tally.fetch.FetchTestSupport.readAll;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.job.FailureReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TextExtractorTest {

    private final TextExtractor extractor = new TextExtractor();

    @Test
    void dropsScriptStyleNoscriptAndTemplateButKeepsTheTitle() {
        String html = "<html><head><title>My Page</title><style>p { color: red }</style>"
                + "<script>var hidden = 1;</script></head><body><p>Hello <script>alert('x')</script>world</p>"
                + "<noscript>enable javascript</noscript><template><p>later</p></template></body></html>";

        assertThat(words(extractor.extractText(html))).containsExactly("My", "Page", "Hello", "world");
    }

    @Test
    void decodesEntities() {
        assertThat(extractor.extractText("<p>Tom &amp; Jerry&#8217;s caf&eacute; &lt;3</p>"))
                .isEqualTo("Tom & Jerry’s café <3");
    }

    @Test
    void separatesWordsAtBlockElements() {
        assertThat(words(extractor.extractText("<p>a</p><p>b</p>"))).containsExactly("a", "b");
        assertThat(words(extractor.extractText("<div>one</div><div>two</div><h1>three</h1>four")))
                .containsExactly("one", "two", "three", "four");
        assertThat(words(extractor.extractText("<table><tr><td>c1</td><td>c2</td></tr><tr><th>c3</th></tr></table>")))
                .containsExactly("c1", "c2", "c3");
    }

    @Test
    void keepsWordsTogetherAcrossInlineElements() {
        assertThat(extractor.extractText("<p><b>he</b>llo <a href='#'>wor</a><em>ld</em></p>"))
                .isEqualTo("hello world");
    }

    @Test
    void separatesAtLineBreaksAndNoBreakSpaces() {
        assertThat(words(extractor.extractText("one<br>two<br/>three&nbsp;four")))
                .containsExactly("one", "two", "three", "four");
    }

    @Test
    void flattensNestedLists() {
        String html = "<ul><li>a<ul><li>b</li><li>c<ol><li>d</li></ol></li></ul></li><li>e</li></ul>";

        assertThat(words(extractor.extractText(html))).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void usesTheMetaCharsetWhenTheHeaderHasNone() throws IOException {
        Charset windows1251 = Charset.forName("windows-1251");
        byte[] body = "<html><head><meta charset=\"windows-1251\"></head><body><p>Привет, мир</p></body></html>"
                .getBytes(windows1251);

        Reader text = extractor.extract(document("text/html", null, new ByteArrayInputStream(body)));

        assertThat(readAll(text)).isEqualTo("Привет, мир");
    }

    @Test
    void decodesPlainTextWithTheDeclaredCharset() throws IOException {
        byte[] body = "Grüße aus Köln".getBytes(ISO_8859_1);

        Reader text = extractor.extract(document("text/plain", ISO_8859_1, new ByteArrayInputStream(body)));

        assertThat(readAll(text)).isEqualTo("Grüße aus Köln");
    }

    @Test
    void decodesUndeclaredPlainTextAsUtf8ReplacingMalformedBytesAndSkippingTheBom() throws IOException {
        byte[] body = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'o', 'k', ' ', (byte) 0xff, ' ', (byte) 0xc3, (byte) 0xa9
        };

        Reader text = extractor.extract(document("text/plain", null, new ByteArrayInputStream(body)));

        assertThat(readAll(text)).isEqualTo("ok \uFFFD é");
    }

    @Test
    void streamsPlainTextInsteadOfReadingItAll() throws IOException {
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 'a';
            }
        };

        try (Reader text = extractor.extract(document("text/plain", UTF_8, endless))) {
            assertThat(text.read(new char[10])).isEqualTo(10);
        }
        assertThat(served.get()).isLessThan(100_000);
    }

    @Test
    void passesBodyFailuresThroughUnchangedAndClosesTheDocument() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream tooLarge = failingBody(new DocumentTooLargeException(10, "http://example.test/"), closed);

        Reader text = extractor.extract(document("text/html", UTF_8, tooLarge));

        assertThatThrownBy(() -> text.read(new char[10])).isInstanceOf(DocumentTooLargeException.class);
        assertThat(closed).as("closed before the failure reaches the caller").isTrue();
        assertThatThrownBy(() -> text.read(new char[10]))
                .as("read again, as a retry of the counting step does")
                .isInstanceOf(DocumentTooLargeException.class);
    }

    @Test
    void readsNoHtmlBeforeTheTextIsReadAndClosesTheDocumentWithTheReader() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream untouchable = failingBody(new AssertionError("read before the text was"), closed);

        extractor.extract(document("text/html", null, untouchable)).close();

        assertThat(closed).isTrue();
    }

    @Test
    void turnsAnIOExceptionFromTheHtmlBodyIntoATransientFailure() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream failing = failingBody(new IOException("connection reset"), closed);

        assertThatThrownBy(() -> readAll(extractor.extract(document("text/html", UTF_8, failing))))
                .isInstanceOf(TransientFetchException.class)
                .hasMessage("could not read http://example.test/doc: connection reset")
                .satisfies(carries(FailureReason.NETWORK))
                .hasCauseInstanceOf(IOException.class);
        assertThat(closed).isTrue();
    }

    @Test
    void passesBodyFailuresThroughThePlainTextReader() {
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw new TransientFetchException(FailureReason.TIMEOUT, "timed out reading http://example.test/");
            }
        };

        assertThatThrownBy(() -> readAll(extractor.extract(document("text/plain", UTF_8, failing))))
                .isInstanceOf(TransientFetchException.class)
                .hasMessage("timed out reading http://example.test/");
    }

    /** A body every read of which throws {@code failure}; it records in {@code closed} whether it was closed. */
    private static InputStream failingBody(Throwable failure, AtomicBoolean closed) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                if (failure instanceof IOException e) {
                    throw e;
                }
                if (failure instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) failure;
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
    }

    private static FetchedDocument document(String mediaType, Charset charset, InputStream body) {
        return FetchedDocument.of("http://example.test/doc", mediaType, charset, body);
    }

    private static String[] words(String text) {
        return text.strip().split("\\s+");
    }
}
