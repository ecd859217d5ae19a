package dev.tally.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API server's requests being answered, for a stop that waits for them. While it drains, requests still
 * arriving on open connections are served and told to close their connection; once the drain is over, the few
 * that slip in before the server closes are refused.
 */
final class InFlightRequests {

    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean draining;
    private volatile boolean closed;

    /** False once the drain is over: the request is refused instead. */
    boolean begin() {
        // counted before closed is read: a drain that set closed and then saw no request cannot miss this one
        count.incrementAndGet();
        if (closed) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    void end() {
        count.decrementAndGet();
    }

    /** True while the server stops: an answer then closes its connection, so that its client moves on. */
    boolean draining() {
        return draining;
    }

    /**
     * Waits for the requests in flight, those begun meanwhile included, then refuses new ones and waits for any
     * that began in between; true once all were answered, false when time ran out.
     */
    boolean drain(Duration within) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + within.toNanos();
        boolean answered = awaitNone(deadline);
        closed = true;
        return awaitNone(deadline) && answered;
    }

    private boolean awaitNone(long deadline) throws InterruptedException {
        while (count.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
