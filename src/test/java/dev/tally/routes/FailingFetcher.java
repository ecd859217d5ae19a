package dev.tally.routes;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ExchangeProperty;

/** The worker's documentFetcher bean: fails every fetch as the test tells it to, and counts the tries. */
public final class FailingFetcher {

    private volatile RuntimeException failure = new IllegalStateException("no fetch expected");
    private final AtomicInteger tries = new AtomicInteger();

    public Object fetch(@ExchangeProperty("jobUrl") String url) {
        tries.incrementAndGet();
        throw failure;
    }

    void failWith(RuntimeException next) {
        failure = next;
        tries.set(0);
    }

    int tries() {
        return tries.get();
    }
}
