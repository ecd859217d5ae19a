package dev.tally.fetch;

import static dev.tally.fetch.FetchTestSupport.carries;
import static dev.tally.fetch.FetchTestSupport.readAll;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.job.FailureReason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentFetcherTest extends WithLocalServer {

    private final DocumentFetcher fetcher = new DocumentFetcher(FetchSettings.defaults());

    @Test
    void decodesPlainTextInTheDeclaredCharset() throws IOException {
        server.respond("/latin1", 200, "text/plain; charset=ISO-8859-1", "café naïve Ørsted".getBytes(ISO_8859_1));

        try (FetchedDocument document = fetcher.fetch(server.url("/latin1"))) {
            assertThat(document.mediaType()).isEqualTo("text/plain");
            assertThat(document.charset()).isEqualTo(ISO_8859_1);
            assertThat(readAll(new TextExtractor().extract(document))).isEqualTo("café naïve Ørsted");
        }
    }

    @Test
    void fetchesHtmlAndSendsTheExpectedHeaders() throws IOException {
        server.respond("/page", 200, "Text/HTML; Charset=\"utf-8\"", "<p>Hello <b>world</b></p>".getBytes(UTF_8));

        try (FetchedDocument document = fetcher.fetch(server.url("/page"))) {
            assertThat(document.isHtml()).isTrue();
            assertThat(document.mediaType()).isEqualTo("text/html");
            assertThat(document.charset()).isEqualTo(UTF_8);
            assertThat(readAll(new TextExtractor().extract(document))).isEqualTo("Hello world");
        }
        var headers = server.requestHeaders("/page");
        assertThat(headers.getFirst("Accept")).isEqualTo("text/html, text/plain;q=0.9, text/*;q=0.8");
        assertThat(headers.getFirst("Accept-Encoding")).isEqualTo("gzip");
        assertThat(headers.getFirst("User-Agent")).isEqualTo("Tally/1.0 (+word-count)");
    }

    @Test
    void treatsAMissingContentTypeAsPlainTextAndAnUnknownCharsetAsUnknown() {
        server.respond("/untyped", 200, Map.of(), "words".getBytes(UTF_8));
        server.respond("/odd-charset", 200, "text/plain; charset=no-such-charset", "words".getBytes(UTF_8));

        try (FetchedDocument untyped = fetcher.fetch(server.url("/untyped"));
                FetchedDocument odd = fetcher.fetch(server.url("/odd-charset"))) {
            assertThat(untyped.mediaType()).isEqualTo("text/plain");
            assertThat(untyped.charset()).isNull();
            assertThat(odd.charset()).isNull();
        }
    }

    @Test
    void percentEncodesNonAsciiPathsAsUtf8() {
        server.respond("/köln", 200, "text/plain", "Dom".getBytes(UTF_8));

        try (FetchedDocument document = fetcher.fetch(server.url("/köln"))) {
            assertThat(document.url()).isEqualTo(server.url("/köln"));
        }
    }

    @Test
    void followsARedirectChainAndReportsTheFinalUrl() {
        server.redirect("/start", 301, server.url("/middle"));
        server.redirect("/middle", 302, "final?x=1"); // relative to /middle
        server.respond("/final", 200, "text/plain", "done".getBytes(UTF_8));

        try (FetchedDocument document = fetcher.fetch(server.url("/start"))) {
            assertThat(document.url()).isEqualTo(server.url("/final?x=1"));
        }
    }

    @Test
    void followsEveryRedirectStatusUpToTheLimit() {
        int[] statuses = {301, 302, 303, 307, 308};
        for (int i = 0; i < statuses.length; i++) {
            server.redirect("/hop" + i, statuses[i], "/hop" + (i + 1));
        }
        server.respond("/hop5", 200, "text/plain", "end".getBytes(UTF_8));

        try (FetchedDocument document = fetcher.fetch(server.url("/hop0"))) {
            assertThat(document.url()).isEqualTo(server.url("/hop5"));
        }
    }

    @Test
    void refusesMoreRedirectsThanTheLimit() {
        for (int i = 0; i < 6; i++) {
            server.redirect("/loop" + i, 302, "/loop" + (i + 1));
        }
        server.respond("/loop6", 200, "text/plain", "never reached".getBytes(UTF_8));

        assertThatThrownBy(() -> fetcher.fetch(server.url("/loop0")))
                .isInstanceOf(PermanentFetchException.class)
                .hasMessageStartingWith("too many redirects fetching " + server.url("/loop0"))
                .satisfies(carries(FailureReason.REDIRECT));
        assertThat(server.requestHeaders("/loop6")).isNull();
    }

    @Test
    void refusesRedirectsToOtherSchemes() {
        server.redirect("/to-ftp", 302, "ftp://127.0.0.1/file");

        assertThatThrownBy(() -> fetcher.fetch(server.url("/to-ftp")))
                .isInstanceOf(PermanentFetchException.class)
                .hasMessageContaining("redirect to unsupported target ftp://127.0.0.1/file")
                .satisfies(carries(FailureReason.REDIRECT));
    }

    @Test
    void reportsClientErrorsAsPermanent() {
        server.respond("/missing", 404, "text/plain", "nope".getBytes(UTF_8));

        assertThatThrownBy(() -> fetcher.fetch(server.url("/missing")))
                .isExactlyInstanceOf(PermanentFetchException.class)
                .hasMessage("HTTP 404 fetching " + server.url("/missing"))
                .satisfies(carries(FailureReason.HTTP_4XX));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 503})
    void reportsServerErrorsAndThrottlingAsTransient(int status) {
        server.respond("/flaky", status, "text/plain", "try later".getBytes(UTF_8));

        assertThatThrownBy(() -> fetcher.fetch(server.url("/flaky")))
                .isInstanceOf(TransientFetchException.class)
                .hasMessage("HTTP " + status + " fetching " + server.url("/flaky"))
                .satisfies(carries(status < 500 ? FailureReason.HTTP_4XX : FailureReason.HTTP_5XX));
    }

    @Test
    void reportsARefusedConnectionAsTransient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/";

        assertThatThrownBy(() -> fetcher.fetch(url))
                .isInstanceOf(TransientFetchException.class)
                .hasMessage("connection refused fetching " + url)
                .satisfies(carries(FailureReason.REFUSED));
    }

    @Test
    void reportsAnUnknownHostAsPermanent() {
        assertThatThrownBy(() -> fetcher.fetch("http://nosuch.invalid/page"))
                .isInstanceOf(PermanentFetchException.class)
                .hasMessage("unknown host nosuch.invalid")
                .satisfies(carries(FailureReason.UNKNOWN_HOST));
    }

    @Test
    void refusesUnsupportedContentTypesBeforeReadingTheBody() {
        server.respond("/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        assertThatThrownBy(() -> fetcher.fetch(server.url("/logo.png")))
                .isInstanceOf(PermanentFetchException.class)
                .hasMessageStartingWith("unsupported content type image/png")
                .satisfies(carries(FailureReason.UNSUPPORTED_TYPE));
    }

    @Test
    void refusesInvalidUrls() {
        for (String url : new String[] {"not a url", "ftp://example.com/file", "mailto:someone@example.com", " "}) {
            assertThatThrownBy(() -> fetcher.fetch(url))
                    .as(url)
                    .isInstanceOf(PermanentFetchException.class)
                    .hasMessageStartingWith("invalid url")
                    .satisfies(carries(FailureReason.INVALID_URL));
        }
    }

    @Test
    void blocksPrivateAddressesWhenConfigured() {
        DocumentFetcher publicOnly = new DocumentFetcher(FetchTestSupport.publicOnly(server.port()));
        server.respond("/secret", 200, "text/plain", "internal".getBytes(UTF_8));

        assertThatThrownBy(() -> publicOnly.fetch(server.url("/secret")))
                .isInstanceOf(PermanentFetchException.class)
                .hasMessage("blocked address 127.0.0.1 for " + server.url("/secret"))
                .satisfies(carries(FailureReason.BLOCKED));
        assertThatThrownBy(() -> publicOnly.fetch("http://localhost:" + server.port() + "/secret"))
                .isInstanceOf(PermanentFetchException.class)
                .hasMessageStartingWith("blocked address");
        assertThat(server.requestHeaders("/secret")).isNull();
    }

    @Test
    void checksTheAddressOfEveryRedirectTarget() {
        // Stand-in for a public host: this policy lets 127.0.0.1 through and blocks everything else.
        AddressPolicy onlyThisServer =
                new AddressPolicy(address -> !address.getHostAddress().equals("127.0.0.1"));
        DocumentFetcher fetcherWithPolicy =
                new DocumentFetcher(FetchTestSupport.publicOnly(server.port()), onlyThisServer);
        String internal = "http://127.0.0.2:" + server.port() + "/admin";
        server.redirect("/innocent", 302, internal);

        assertThatThrownBy(() -> fetcherWithPolicy.fetch(server.url("/innocent")))
                .isInstanceOf(PermanentFetchException.class)
                .hasMessage("blocked address 127.0.0.2 for " + internal);
        assertThat(server.requestHeaders("/innocent")).isNotNull();
    }
}
