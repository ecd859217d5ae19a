package dev.tally.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Reads and drops what is left of a request body the API refused (413), once the answer is on its way. A client that
 * sends its whole body before it reads (Python's urllib, curl without Expect) otherwise meets a closed connection:
 * Tomcat swallows at most server.tomcat.max-swallow-size (2 MB) of an unread body, then closes, and the client's
 * next write breaks before it ever reads the 413. Bounded in bytes and in time, so an endless or trickling body
 * cannot hold a Tomcat thread: past either bound Tomcat closes the connection as before.
 */
final class RefusedBody {

    private final long maxBytes;
    private final Duration timeout;

    RefusedBody(long maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /** Whether reading it is worth trying: a client waiting for 100 Continue sends nothing after a final answer. */
    boolean worthDiscarding(HttpServletRequest request) {
        return request.getHeader("Expect") == null && request.getContentLengthLong() <= maxBytes;
    }

    /** Reads to the end of the body; false when a bound or a read error stopped it first. */
    boolean discard(HttpServletRequest request) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            InputStream in = request.getInputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
                if (total > maxBytes || System.nanoTime() > deadline) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false; // the client gave up, or a read timed out
        }
    }
}
