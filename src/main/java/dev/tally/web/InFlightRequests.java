package dev.tally.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The API server's requests being answered, for a stop that waits for them and refuses new ones meanwhile. */
final class InFlightRequests {

    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean closing;

    /** False once the server is stopping: the request is refused instead. */
    boolean begin() {
        // counted before closing is read: a drain that set closing and then saw no request cannot miss this one
        count.incrementAndGet();
        if (closing) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    void end() {
        count.decrementAndGet();
    }

    /** New requests are refused from now on; true once those in flight were answered, false when time ran out. */
    boolean drain(Duration within) throws InterruptedException {
        closing = true;
        long deadline = System.nanoTime() + within.toNanos();
        while (count.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
