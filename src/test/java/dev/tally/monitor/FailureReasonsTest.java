package dev.tally.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import dev.tally.fetch.PermanentFetchException;
import dev.tally.fetch.TransientFetchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureReasonsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "HTTP 404 fetching http://example.com/a                       | http_4xx",
                "HTTP 503 fetching http://example.com/a                       | http_5xx",
                "unknown host nosuch.example                                  | unknown_host",
                "unsupported content type image/png at http://x/y             | unsupported_type",
                "unsupported content encoding br at http://x/y                | unsupported_type",
                "document too large (over 52428800 bytes) fetching http://x/y | too_large",
                "blocked address 10.0.0.1 for http://x/y                      | blocked",
                "blocked port 22 for http://x:22/                             | blocked",
                "timed out reading http://x/y                                 | timeout",
                "timed out connecting to http://x/y                           | timeout",
                "connection refused fetching http://x/y                       | refused",
                "too many redirects fetching http://x/y (more than 5)         | redirect",
                "invalid url ftp://x                                          | invalid_url",
                "queue unavailable                                            | queue_unavailable",
            })
    void documentedReasonsHaveTheirClass(String reason, String reasonClass) {
        assertThat(FailureReasons.classify(reason, new PermanentFetchException(reason)))
                .isEqualTo(reasonClass);
    }

    @Test
    void otherReasonsFallBackOnTheExceptionsKind() {
        assertThat(FailureReasons.classify(
                        "Timed out after 2000 ms while waiting for a server",
                        new MongoTimeoutException("Timed out after 2000 ms")))
                .isEqualTo("timeout");
        assertThat(FailureReasons.classify("Exception receiving message", new MongoTimeoutException("x")))
                .isEqualTo("mongodb");
        assertThat(FailureReasons.classify("connection reset fetching http://x/y", new TransientFetchException("x")))
                .isEqualTo("network");
        assertThat(FailureReasons.classify("something new", new IllegalStateException()))
                .isEqualTo("other");
        assertThat(FailureReasons.classify(null, null)).isEqualTo("other");
    }
}
