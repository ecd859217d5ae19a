package dev.tally.fetch;

import static dev.tally.fetch.FetchTestSupport.carries;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.job.FailureReason;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each low-level failure becomes a fetch exception carrying its reason category, set where it is made. */
class FetchErrorsTest {

    private static final String URL = "http://example.test/doc";

    static Stream<Arguments> failures() throws IOException {
        return Stream.of(
                Arguments.of(new ConnectionRequestTimeoutException("pool"), FailureReason.TIMEOUT, "timed out waiting"),
                Arguments.of(new ConnectTimeoutException("connect"), FailureReason.TIMEOUT, "timed out connecting"),
                Arguments.of(new ConnectException("refused"), FailureReason.REFUSED, "connection refused"),
                Arguments.of(new ClientProtocolException("bad"), FailureReason.OTHER, "invalid HTTP response"),
                Arguments.of(new SocketTimeoutException("read"), FailureReason.TIMEOUT, "timed out reading"),
                Arguments.of(new ZipException("gzip"), FailureReason.NETWORK, "corrupt gzip data"),
                Arguments.of(new EOFException(), FailureReason.NETWORK, "connection closed early"),
                Arguments.of(new ConnectionClosedException(), FailureReason.NETWORK, "connection closed early"),
                Arguments.of(
                        new BlockedAddressException(InetAddress.getByName("10.0.0.1")),
                        FailureReason.BLOCKED,
                        "blocked address 10.0.0.1"),
                Arguments.of(new UnknownHostException("example.test"), FailureReason.UNKNOWN_HOST, "unknown host"),
                Arguments.of(new NoRouteToHostException("none"), FailureReason.NETWORK, "no route to host"),
                Arguments.of(new SocketException("Connection reset"), FailureReason.NETWORK, "connection reset"),
                Arguments.of(new SSLException("handshake"), FailureReason.NETWORK, "secure connection failed"),
                Arguments.of(new IOException("odd"), FailureReason.NETWORK, "network error"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void carriesTheReasonOfTheFailure(IOException failure, FailureReason reason, String messageStart) {
        RuntimeException thrown = FetchErrors.whileRequesting(failure, "example.test", URL);

        assertThat(thrown).hasMessageStartingWith(messageStart).satisfies(carries(reason));
    }
}
