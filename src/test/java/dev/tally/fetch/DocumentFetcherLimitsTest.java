package dev.tally.fetch;

import static dev.tally.fetch.FetchTestSupport.carries;
import static dev.tally.fetch.FetchTestSupport.readAll;
import static dev.tally.fetch.FetchTestSupport.settings;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.job.FailureReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Size caps, compression and timeouts: the ways a server can make a fetch cost too much. */
class DocumentFetcherLimitsTest extends WithLocalServer {

    private static final int ONE_MB = 1024 * 1024;

    private final DocumentFetcher fetcher = new DocumentFetcher(settings(true, 5, Duration.ofSeconds(5), ONE_MB));
    private final DocumentFetcher impatientFetcher =
            new DocumentFetcher(settings(true, 5, Duration.ofMillis(300), ONE_MB));

    @Test
    void refusesADeclaredContentLengthOverTheCapWithoutReading() {
        server.respond("/big", 200, "text/plain", new byte[ONE_MB + 1]);

        assertThatThrownBy(() -> fetcher.fetch(server.url("/big")))
                .isInstanceOf(DocumentTooLargeException.class)
                .hasMessageStartingWith("document too large (over 1048576 bytes)")
                .satisfies(carries(FailureReason.TOO_LARGE));
    }

    @Test
    void acceptsABodyOfExactlyTheCap() throws IOException {
        server.respond("/exact", 200, "text/plain", new byte[ONE_MB]);

        try (FetchedDocument document = fetcher.fetch(server.url("/exact"))) {
            assertThat(document.body().readAllBytes()).hasSize(ONE_MB);
        }
    }

    @Test
    void stopsAChunkedBodyAtTheCap() {
        server.handle("/endless", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0); // chunked, no Content-Length
            byte[] chunk = "word ".repeat(2000).getBytes(UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int sent = 0; sent < 3 * ONE_MB; sent += chunk.length) {
                    out.write(chunk);
                }
            }
        });

        try (FetchedDocument document = fetcher.fetch(server.url("/endless"))) {
            assertThat(bytesReadUntilFailure(document.body()).failure())
                    .isInstanceOf(DocumentTooLargeException.class)
                    .hasMessageStartingWith("document too large");
        }
    }

    @Test
    void letsTheSizeCapThroughHtmlParsingUnchanged() {
        server.handle("/huge.html", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "<p>word</p>".repeat(1000).getBytes(UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int sent = 0; sent < 2 * ONE_MB; sent += chunk.length) {
                    out.write(chunk);
                }
            }
        });

        FetchedDocument document = fetcher.fetch(server.url("/huge.html"));
        assertThatThrownBy(() -> readAll(new TextExtractor().extract(document)))
                .isInstanceOf(DocumentTooLargeException.class);
    }

    @Test
    void stopsAGzipBombAtTheCapOfDecodedBytes() throws IOException {
        byte[] bomb = gzip(new byte[10 * ONE_MB]);
        assertThat(bomb.length).isLessThan(ONE_MB / 10);
        server.respond("/bomb", 200, Map.of("Content-Type", "text/plain", "Content-Encoding", "gzip"), bomb);

        try (FetchedDocument document = fetcher.fetch(server.url("/bomb"))) {
            CountingFailure outcome = bytesReadUntilFailure(document.body());
            assertThat(outcome.failure()).isInstanceOf(DocumentTooLargeException.class);
            assertThat(outcome.bytesRead()).isLessThanOrEqualTo(ONE_MB);
        }
    }

    @Test
    void decodesAGzippedBody() throws IOException {
        byte[] body = gzip("<p>compressed words</p>".getBytes(UTF_8));
        server.respond("/gz", 200, Map.of("Content-Type", "text/html", "Content-Encoding", "gzip"), body);

        try (FetchedDocument document = fetcher.fetch(server.url("/gz"))) {
            assertThat(readAll(new TextExtractor().extract(document))).isEqualTo("compressed words");
        }
    }

    @Test
    void timesOutWhenTheServerStallsMidBody() throws IOException {
        try (StallingServer stalling = new StallingServer(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nhello ")) {
            String url = stalling.url("/slow");
            try (FetchedDocument document = impatientFetcher.fetch(url)) {
                long started = System.nanoTime();
                assertThat(bytesReadUntilFailure(document.body()).failure())
                        .isInstanceOf(TransientFetchException.class)
                        .hasMessage("timed out reading " + url)
                        .satisfies(carries(FailureReason.TIMEOUT));
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void timesOutWhenTheServerNeverAnswers() throws IOException {
        try (StallingServer silent = new StallingServer("")) {
            String url = silent.url("/silent");
            assertThatThrownBy(() -> impatientFetcher.fetch(url))
                    .isInstanceOf(TransientFetchException.class)
                    .hasMessage("timed out reading " + url);
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(plain);
        }
        return compressed.toByteArray();
    }

    private record CountingFailure(long bytesRead, RuntimeException failure) {}

    private static CountingFailure bytesReadUntilFailure(InputStream body) {
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                total += n;
            }
        } catch (RuntimeException e) {
            return new CountingFailure(total, e);
        } catch (IOException e) {
            throw new AssertionError("expected a RuntimeException, got " + e, e);
        }
        throw new AssertionError("read " + total + " bytes without a failure");
    }
}
