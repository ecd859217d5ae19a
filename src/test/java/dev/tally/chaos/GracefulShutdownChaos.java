package dev.tally.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.support.ApiClient;
import dev.tally.support.DocumentServer;
import dev.tally.support.KnownDocuments;
import dev.tally.support.TallyProcess;
import dev.tally.support.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Fault 5: SIGTERM, as a deployment sends it. A worker stops taking messages, finishes the jobs it can within
 * tally.shutdown.timeout-seconds and returns the others to the queue for another worker; it exits within
 * the bound. A web process answers the requests it is in the middle of before it exits.
 */
class GracefulShutdownChaos {

    private static final String QUEUES = ".chaos-shutdown";
    private static final int BOUND_SECONDS = 10;
    /** Beyond the bound: closing connections and the JVM's own teardown after the last phase (1-4 s measured). */
    private static final Duration EXIT_MARGIN = Duration.ofSeconds(8);

    private static final Map<String, String> BOUNDED =
            Map.of("TALLY_SHUTDOWN_TIMEOUT_SECONDS", String.valueOf(BOUND_SECONDS));
    /** One message per consumer at a time, so the slow documents are all in progress at once, on four consumers. */
    private static final Map<String, String> BOUNDED_WORKER =
            Map.of("TALLY_SHUTDOWN_TIMEOUT_SECONDS", String.valueOf(BOUND_SECONDS), "TALLY_WORKER_PREFETCH", "1");

    private final DocumentServer documents = TestStack.documents();

    @Test
    void aWorkerToldToStopFinishesWhatItCanWithinTheBoundAndReturnsTheRest() throws Exception {
        try (TallyProcess web = TallyProcess.start("shutdown-web", "web", QUEUES, Map.of());
                TallyProcess stopping = TallyProcess.start("shutdown-worker-1", "worker", QUEUES, BOUNDED_WORKER)) {
            web.awaitHealthy();
            stopping.awaitHealthy();
            JobLedger ledger = new JobLedger();
            LoadDriver load = new LoadDriver(web.port(), ledger, Duration.ofSeconds(5));
            List<Integer> finishing = slowJobs(load, 2, BOUND_SECONDS * 1000 / 2);
            List<Integer> outlasting = slowJobs(load, 2, BOUND_SECONDS * 1000 * 2);
            load.start(300, 4, Duration.ofSeconds(15), LoadDriver.knownDocuments(documents, 300, 20));
            Awaitility.await("slow documents being fetched")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> concat(finishing, outlasting).stream().allMatch(n -> hits(n) == 1));

            Instant terminated = Instant.now();
            stopping.terminate();
            int status = stopping.awaitExit(Duration.ofSeconds(3L * BOUND_SECONDS));
            Duration exitTook = Duration.between(terminated, Instant.now());

            try (TallyProcess successor = TallyProcess.start("shutdown-worker-2", "worker", QUEUES, BOUNDED_WORKER)) {
                successor.awaitHealthy();
                Instant replaced = Instant.now();
                load.awaitDone(Duration.ofSeconds(60));
                JobLedger.Verdict verdict = ledger.settle(web.api(), Duration.ofSeconds(120));

                ChaosFigures.record(
                        "SIGTERM worker",
                        verdict,
                        load,
                        Duration.between(terminated, replaced),
                        verdict.recoveryAfter(replaced));
                System.out.printf(
                        "SIGTERM worker: exit status %d after %.1f s (bound %d s)%n",
                        status, exitTook.toMillis() / 1000.0, BOUND_SECONDS);
                assertThat(exitTook)
                        .isLessThan(Duration.ofSeconds(BOUND_SECONDS).plus(EXIT_MARGIN));
                assertThat(status).as("exit status after SIGTERM").isIn(0, 143);
                assertThat(verdict.wrong()).isEmpty();
                assertThat(verdict.lost()).isZero();
                assertThat(load.unexpected()).isEmpty();
                assertThat(load.refusals()).isEmpty();
                for (int n : finishing) {
                    assertThat(hits(n))
                            .as("document %d fetched once: the stopping worker finished it", n)
                            .isEqualTo(1);
                }
                for (int n : outlasting) {
                    assertThat(hits(n))
                            .as("document %d fetched again by the next worker", n)
                            .isEqualTo(2);
                }
            }
        }
    }

    @Test
    void aWebProcessToldToStopAnswersTheRequestsItIsInTheMiddleOf() throws Exception {
        try (TallyProcess stopping = TallyProcess.start("shutdown-web-1", "web", QUEUES, BOUNDED);
                TallyProcess successor = TallyProcess.start("shutdown-web-2", "web", QUEUES, Map.of());
                TallyProcess worker = TallyProcess.start("shutdown-web-worker", "worker", QUEUES, Map.of())) {
            stopping.awaitHealthy();
            successor.awaitHealthy();
            worker.awaitHealthy();
            int first = KnownDocuments.reserve(3);
            List<SlowUpload> uploads = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                uploads.add(new SlowUpload(stopping.port(), documents.url(KnownDocuments.path(first + n, 0))));
            }
            Thread.sleep(1_000);

            Instant terminated = Instant.now();
            stopping.terminate();
            Thread.sleep(2_000);
            String newRequest = newRequestOutcome(stopping.port());
            List<SlowUpload.Reply> replies = new ArrayList<>();
            for (SlowUpload upload : uploads) {
                try (upload) {
                    replies.add(upload.finish());
                }
            }
            int status = stopping.awaitExit(Duration.ofSeconds(3L * BOUND_SECONDS));
            Duration exitTook = Duration.between(terminated, Instant.now());

            System.out.printf(
                    "SIGTERM web: %d requests in flight answered %s; a new request meanwhile: %s;"
                            + " exit status %d after %.1f s (bound %d s)%n",
                    replies.size(),
                    replies.stream().map(SlowUpload.Reply::status).toList(),
                    newRequest,
                    status,
                    exitTook.toMillis() / 1000.0,
                    BOUND_SECONDS);
            assertThat(exitTook).isLessThan(Duration.ofSeconds(BOUND_SECONDS).plus(EXIT_MARGIN));
            assertThat(status).isIn(0, 143);
            assertThat(newRequest)
                    .as("a stopping web process takes no new request")
                    .doesNotStartWith("2");
            for (int n = 0; n < replies.size(); n++) {
                SlowUpload.Reply reply = replies.get(n);
                assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
                JsonNode job = successor.api().awaitFinished(reply.jobId(), Duration.ofSeconds(60));
                assertThat(job.path("status").asText()).isEqualTo("COMPLETE");
                assertThat(job.path("word_count").path("doc" + (first + n)).asInt())
                        .isEqualTo(1);
            }
        }
    }

    private List<Integer> slowJobs(LoadDriver load, int count, int trickleMs) {
        List<Integer> numbers = new ArrayList<>();
        int first = KnownDocuments.reserve(count);
        for (int n = first; n < first + count; n++) {
            assertThat(load.submitNow(new LoadDriver.Submission(
                            documents.url(KnownDocuments.path(n, trickleMs)),
                            JobLedger.Expected.complete(KnownDocuments.counts(n)))))
                    .isNotNull();
            numbers.add(n);
        }
        return numbers;
    }

    private int hits(int n) {
        return documents.hits(KnownDocuments.path(n, 0));
    }

    /** What a client opening a new connection to a stopping web process gets: a status, or the error. */
    private static String newRequestOutcome(int port) {
        try {
            return String.valueOf(new ApiClient(port, Duration.ofSeconds(3))
                    .send("GET", "/health", null, null)
                    .status());
        } catch (RuntimeException e) {
            return e.getCause() == null ? e.toString() : e.getCause().toString();
        }
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
