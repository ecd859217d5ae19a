package dev.tally.fetch;

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

/** Turns low-level I/O failures into fetch exceptions whose messages a person can act on. */
final class FetchErrors {

    private FetchErrors() {}

    /** A failure while opening the TCP/TLS connection. */
    static RuntimeException whileConnecting(IOException e, String host, String url) {
        if (e instanceof SocketTimeoutException || mentions(e, "timed out")) {
            return new TransientFetchException("timed out connecting to " + url, e);
        }
        if (e instanceof ConnectException) {
            return new TransientFetchException("connection refused fetching " + url, e);
        }
        return common(e, host, url);
    }

    /** A failure while waiting for the response or reading its body. */
    static RuntimeException whileReading(IOException e, String host, String url) {
        if (e instanceof SocketTimeoutException) {
            return new TransientFetchException("timed out reading " + url, e);
        }
        if (e instanceof ZipException) {
            return new TransientFetchException("corrupt gzip data reading " + url, e);
        }
        if (e instanceof EOFException || mentions(e, "premature eof")) {
            return new TransientFetchException("connection closed early reading " + url, e);
        }
        return common(e, host, url);
    }

    private static RuntimeException common(IOException e, String host, String url) {
        if (e instanceof UnknownHostException) {
            return new PermanentFetchException("unknown host " + host, e);
        }
        if (e instanceof NoRouteToHostException) {
            return new TransientFetchException("no route to host fetching " + url, e);
        }
        if (e instanceof SocketException && mentions(e, "reset")) {
            return new TransientFetchException("connection reset fetching " + url, e);
        }
        if (e instanceof SSLException) {
            return new TransientFetchException("secure connection failed fetching " + url + ": " + detail(e), e);
        }
        return new TransientFetchException("network error fetching " + url + ": " + detail(e), e);
    }

    private static boolean mentions(IOException e, String text) {
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains(text);
    }

    private static String detail(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
