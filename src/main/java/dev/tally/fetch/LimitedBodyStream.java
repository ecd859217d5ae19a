package dev.tally.fetch;

import java.io.IOException;
import java.io.InputStream;

/**
 * The decoded response body: counts bytes against the cap and turns every I/O failure into a
 * fetch exception. Those are RuntimeExceptions on purpose, so they reach the caller unchanged
 * through the decoding Reader and HtmlTextReader, which would otherwise wrap an IOException.
 */
final class LimitedBodyStream extends InputStream {

    private final InputStream decoded;
    private final long maxBytes;
    private final String host;
    private final String url;
    private final Runnable abortConnection;
    private long count;
    private boolean closed;

    /**
     * @param abortConnection closes the connection unless it went back to the pool at the end of the raw body;
     *                        run on close, before the decoded stream is closed
     */
    LimitedBodyStream(InputStream decoded, long maxBytes, String host, String url, Runnable abortConnection) {
        this.decoded = decoded;
        this.maxBytes = maxBytes;
        this.host = host;
        this.url = url;
        this.abortConnection = abortConnection;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (count > maxBytes) {
            throw new DocumentTooLargeException(maxBytes, url);
        }
        if (length == 0) {
            return 0;
        }
        long remaining = maxBytes - count;
        // Never ask for more than one byte past the cap: that byte is enough to know it was exceeded.
        int wanted = remaining >= length ? length : (int) remaining + 1;
        int n;
        try {
            n = decoded.read(buffer, offset, wanted);
        } catch (IOException e) {
            throw FetchErrors.whileReading(e, host, url);
        }
        if (n < 0) {
            return -1;
        }
        count += n;
        if (count > maxBytes) {
            throw new DocumentTooLargeException(maxBytes, url);
        }
        return n;
    }

    /** Decoded bytes read so far: once the body was read to the end, the document's size. */
    long bytesRead() {
        return count;
    }

    @Override
    public int available() {
        try {
            return closed ? 0 : decoded.available();
        } catch (IOException e) {
            throw FetchErrors.whileReading(e, host, url);
        }
    }

    /**
     * A body read to the end of the raw bytes leaves the connection reusable (keep-alive); any other is cut
     * off, since draining it could mean downloading the rest of a huge or endless document. That includes a
     * decoded body whose gzip stream ended before the bytes the server sent did.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            abortConnection.run();
        } finally {
            try {
                decoded.close(); // also frees the native Inflater of a gzip or deflate stream
            } catch (IOException ignored) {
                // the connection is gone either way; nothing useful to report
            }
        }
    }
}
