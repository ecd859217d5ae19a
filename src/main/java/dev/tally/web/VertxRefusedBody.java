package dev.tally.web;

import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link RefusedBody} on the API's Vert.x server: after a 413 the rest of the body is read and dropped, so that a
 * client that sends it all before it reads gets the answer, within tally.api.discard-* bytes and milliseconds; past
 * either bound the connection closes.
 */
final class VertxRefusedBody {

    private final long maxBytes;
    private final long timeoutMs;

    VertxRefusedBody(long maxBytes, long timeoutMs) {
        this.maxBytes = maxBytes;
        this.timeoutMs = timeoutMs;
    }

    void discard(HttpServerRequest request) {
        // a client waiting for 100 Continue sends nothing after a final answer
        if (request.getHeader("Expect") != null || request.isEnded()) {
            return;
        }
        AtomicLong read = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        request.handler(chunk -> {
            if (read.addAndGet(chunk.length()) > maxBytes || System.nanoTime() > deadline) {
                request.connection().close();
            }
        });
        request.resume();
    }
}
