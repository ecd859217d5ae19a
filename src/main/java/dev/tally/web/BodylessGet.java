package dev.tally.web;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * A {@code GET /word-count} without a body lists jobs; with one it is the original clients' lookup. Decided from the
 * framing headers alone, by {@link ApiRequestFilter} and by the route alike: a chunked body is a body even when empty,
 * so it keeps the lookup's checks.
 */
@Component("bodylessGet")
public class BodylessGet {

    static boolean hasNoBody(String contentLength, String transferEncoding) {
        return transferEncoding == null && (contentLength == null || "0".equals(contentLength.strip()));
    }

    /** For the route's choice: the same rule, on the request headers platform-http copied into the message. */
    public boolean test(
            @Header("Content-Length") String contentLength, @Header("Transfer-Encoding") String transferEncoding) {
        return hasNoBody(contentLength, transferEncoding);
    }
}
