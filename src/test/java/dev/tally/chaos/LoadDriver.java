package dev.tally.chaos;

import dev.tally.support.ApiClient;
import dev.tally.support.DocumentServer;
import dev.tally.support.KnownDocuments;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Submits jobs as clients would, from several threads, spread evenly over a period so the load runs through
 * the fault. Every request has a deadline: one that passes it counts as hung. A 202 goes into the ledger.
 */
final class LoadDriver {

    /** What job {@code n} of a load submits, and what it must end as. */
    record Submission(String url, JobLedger.Expected expected) {}

    private final ApiClient api;
    private final JobLedger ledger;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger hung = new AtomicInteger();
    private final AtomicLong slowestMs = new AtomicLong();
    private final List<Instant> refusals = new CopyOnWriteArrayList<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private ExecutorService clients;

    LoadDriver(int port, JobLedger ledger, Duration requestDeadline) {
        this.api = new ApiClient(port, requestDeadline);
        this.ledger = ledger;
    }

    /**
     * Known documents (exact counts checked), each sent over {@code trickleMs}, and every 20th job a document
     * that answers 404, which must end FAIL with the reason.
     */
    static IntFunction<Submission> knownDocuments(DocumentServer documents, int jobs, int trickleMs) {
        int first = KnownDocuments.reserve(jobs);
        return n -> n % 20 == 19
                ? new Submission(documents.url("/missing?n=" + (first + n)), JobLedger.Expected.failure("HTTP 404"))
                : new Submission(
                        documents.url(KnownDocuments.path(first + n, trickleMs)),
                        JobLedger.Expected.complete(KnownDocuments.counts(first + n)));
    }

    LoadDriver start(int jobs, int concurrency, Duration spread, IntFunction<Submission> plan) {
        long startNanos = System.nanoTime();
        clients = Executors.newFixedThreadPool(concurrency);
        for (int client = 0; client < concurrency; client++) {
            clients.submit(() -> {
                for (int n; (n = next.getAndIncrement()) < jobs; ) {
                    waitUntil(startNanos + spread.toNanos() * n / jobs);
                    submit(plan.apply(n));
                }
            });
        }
        clients.shutdown();
        return this;
    }

    void awaitDone(Duration within) throws InterruptedException {
        if (!clients.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("load still running after " + within + " (" + next.get() + " jobs started)");
        }
    }

    int submitted() {
        return submitted.get();
    }

    /** One job outside the spread load, from the calling thread; its id, or null unless accepted. */
    String submitNow(Submission submission) {
        return submit(submission);
    }

    List<Instant> refusals() {
        return refusals;
    }

    int hung() {
        return hung.get();
    }

    List<String> unexpected() {
        return unexpected;
    }

    Duration slowest() {
        return Duration.ofMillis(slowestMs.get());
    }

    private String submit(Submission submission) {
        submitted.incrementAndGet();
        long start = System.nanoTime();
        try {
            ApiClient.Answer answer = api.submit(submission.url());
            if (answer.status() == 202) {
                String jobId = answer.data().path("job_id").asText();
                ledger.accept(jobId, submission.expected());
                return jobId;
            } else if (answer.status() == 503) {
                refusals.add(Instant.now());
            } else {
                unexpected.add(answer.status() + " " + answer.body());
            }
        } catch (RuntimeException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                hung.incrementAndGet();
            } else {
                unexpected.add(e.toString());
            }
        } finally {
            slowestMs.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
        }
        return null;
    }

    private static void waitUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
