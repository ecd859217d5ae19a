package dev.tally.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pooled connections: every outcome gives its connection back, and only a fully read body keeps it open. */
class DocumentFetcherConnectionsTest extends WithLocalServer {

    private static final int ONE_MB = 1024 * 1024;

    // one connection, so a fetch that kept it would make the next one wait and time out
    private final DocumentFetcher fetcher = new DocumentFetcher(
            FetchTestSupport.settings(true, 5, Duration.ofSeconds(5), ONE_MB),
            AddressPolicy.PUBLIC_ONLY,
            HostResolver.SYSTEM,
            1);
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serveDocuments() {
        server.handle("/small", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] body = "a few words".getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
        server.handle("/endless", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            writeForever(exchange.getResponseBody(), new byte[0]);
        });
    }

    @AfterEach
    void closeFetcher() {
        fetcher.close();
    }

    @Test
    void aFullyReadBodyLeavesItsConnectionForTheNextFetch() throws IOException {
        readSmall();
        readSmall();

        assertThat(clientPorts).hasSize(2);
        assertThat(clientPorts.get(1)).isEqualTo(clientPorts.get(0));
    }

    @Test
    void aBodyClosedHalfReadIsCutOffNotDrained() throws IOException {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try (FetchedDocument document = fetcher.fetch(server.url("/endless"))) {
                assertThat(document.body().readNBytes(1000)).hasSize(1000);
            }
        });
        readSmall();

        assertThat(clientPorts).hasSize(2);
        assertThat(clientPorts.get(1)).isNotEqualTo(clientPorts.get(0));
    }

    @Test
    void bytesAfterTheEndOfAGzipStreamAreNotDrained() throws IOException {
        byte[] words = gzip("compressed words".getBytes(UTF_8));
        server.handle("/gzip-then-junk", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, 0);
            writeForever(exchange.getResponseBody(), words);
        });

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try (FetchedDocument document = fetcher.fetch(server.url("/gzip-then-junk"))) {
                assertThat(document.body().readAllBytes()).asString(UTF_8).isEqualTo("compressed words");
            }
        });
        readSmall();
    }

    @Test
    void refusedResponsesGiveTheirConnectionBack() throws IOException {
        server.respond("/missing", 404, "text/plain", new byte[64 * 1024]);
        server.respond("/logo.png", 200, "image/png", new byte[64 * 1024]);
        server.respond("/big", 200, "text/plain", new byte[ONE_MB + 1]);
        server.respond("/moved", 301, Map.of("Location", "/small", "Content-Type", "text/html"), new byte[64 * 1024]);

        assertThatThrownBy(() -> fetcher.fetch(server.url("/missing"))).isInstanceOf(PermanentFetchException.class);
        assertThatThrownBy(() -> fetcher.fetch(server.url("/logo.png"))).isInstanceOf(PermanentFetchException.class);
        assertThatThrownBy(() -> fetcher.fetch(server.url("/big"))).isInstanceOf(DocumentTooLargeException.class);
        try (FetchedDocument document = fetcher.fetch(server.url("/moved"))) {
            assertThat(document.body().readAllBytes()).asString(UTF_8).isEqualTo("a few words");
        }
        readSmall();
    }

    private void readSmall() throws IOException {
        try (FetchedDocument document = fetcher.fetch(server.url("/small"))) {
            assertThat(document.body().readAllBytes()).asString(UTF_8).isEqualTo("a few words");
        }
    }

    private static void writeForever(OutputStream out, byte[] first) throws IOException {
        out.write(first);
        byte[] junk = "junk ".repeat(1000).getBytes(UTF_8);
        while (true) {
            out.write(junk); // until the fetcher hangs up
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(plain);
        }
        return compressed.toByteArray();
    }
}
