package dev.tally.fetch;

import dev.tally.job.FailureReason;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.TruncatedChunkException;

/** Turns low-level I/O failures into fetch exceptions whose messages a person can act on. */
final class FetchErrors {

    private FetchErrors() {}

    /** A failure before the response head was in: DNS and the address policy, TCP, TLS, or the wait for the head. */
    static RuntimeException whileRequesting(IOException e, String host, String url) {
        if (e instanceof ConnectionRequestTimeoutException) {
            return new TransientFetchException(
                    FailureReason.TIMEOUT, "timed out waiting for a free connection fetching " + url, e);
        }
        if (e instanceof ConnectTimeoutException) {
            return new TransientFetchException(FailureReason.TIMEOUT, "timed out connecting to " + url, e);
        }
        if (e instanceof ConnectException) {
            return new TransientFetchException(FailureReason.REFUSED, "connection refused fetching " + url, e);
        }
        if (e instanceof ClientProtocolException) {
            return new PermanentFetchException(FailureReason.OTHER, "invalid HTTP response fetching " + url, e);
        }
        return whileReading(e, host, url);
    }

    /** A failure while waiting for the response or reading its body. */
    static RuntimeException whileReading(IOException e, String host, String url) {
        if (e instanceof SocketTimeoutException) {
            return new TransientFetchException(FailureReason.TIMEOUT, "timed out reading " + url, e);
        }
        if (e instanceof ZipException) {
            return new TransientFetchException(FailureReason.NETWORK, "corrupt gzip data reading " + url, e);
        }
        if (e instanceof EOFException
                || e instanceof ConnectionClosedException
                || e instanceof TruncatedChunkException
                || e instanceof NoHttpResponseException) {
            return new TransientFetchException(FailureReason.NETWORK, "connection closed early reading " + url, e);
        }
        return common(e, host, url);
    }

    private static RuntimeException common(IOException e, String host, String url) {
        if (e instanceof BlockedAddressException blocked) {
            return new PermanentFetchException(
                    FailureReason.BLOCKED,
                    "blocked address " + blocked.address().getHostAddress() + " for " + url,
                    e);
        }
        if (e instanceof UnknownHostException) {
            return new PermanentFetchException(FailureReason.UNKNOWN_HOST, "unknown host " + host, e);
        }
        if (e instanceof NoRouteToHostException) {
            return new TransientFetchException(FailureReason.NETWORK, "no route to host fetching " + url, e);
        }
        if (e instanceof SocketException && mentions(e, "reset")) {
            return new TransientFetchException(FailureReason.NETWORK, "connection reset fetching " + url, e);
        }
        if (e instanceof SSLException) {
            return new TransientFetchException(
                    FailureReason.NETWORK, "secure connection failed fetching " + url + ": " + detail(e), e);
        }
        return new TransientFetchException(
                FailureReason.NETWORK, "network error fetching " + url + ": " + detail(e), e);
    }

    private static boolean mentions(IOException e, String text) {
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains(text);
    }

    private static String detail(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
