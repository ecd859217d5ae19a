package dev.tally.submit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.bson.Document;

/**
 * Planted in route commit-submissions by GroupCommitIT: records each batch's job URLs, holds a batch so that the
 * next POSTs gather behind it, and makes a dependency go away in the middle of the next batch, as an outage would.
 */
final class BatchGate {

    private static final String AFTER_INSERT = "GroupCommitIT.afterInsert";

    final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hold;
    private final AtomicBoolean holdTaken = new AtomicBoolean();
    private final CountDownLatch holding = new CountDownLatch(1);
    private volatile Runnable beforeInsert;
    private volatile Runnable afterInsert;

    /** The next batch waits for {@link #release} and is spared the faults. */
    void holdNextBatch() {
        hold = new CountDownLatch(1);
    }

    void awaitHolding() throws InterruptedException {
        if (!holding.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no batch came to be held");
        }
    }

    void release() {
        hold.countDown();
    }

    /** Runs once, in the next batch not held, before its insertMany. */
    void beforeInsertOfNextBatch(Runnable fault) {
        beforeInsert = fault;
    }

    /** Runs once, in the next batch not held, after its insertMany was acknowledged and before its publish. */
    void afterInsertOfNextBatch(Runnable fault) {
        afterInsert = fault;
    }

    void enter(Exchange exchange) throws InterruptedException {
        @SuppressWarnings("unchecked")
        List<Document> jobs = exchange.getIn().getBody(List.class);
        batches.add(jobs.stream().map(job -> job.getString("url")).toList());
        if (hold != null && holdTaken.compareAndSet(false, true)) {
            holding.countDown();
            hold.await(20, TimeUnit.SECONDS);
            return;
        }
        Runnable before = beforeInsert;
        beforeInsert = null;
        if (before != null) {
            before.run();
        }
        exchange.setProperty(AFTER_INSERT, afterInsert);
        afterInsert = null;
    }

    void afterInsert(Exchange exchange) {
        Runnable fault = exchange.getProperty(AFTER_INSERT, Runnable.class);
        if (fault != null) {
            fault.run();
        }
    }
}
