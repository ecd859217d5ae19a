package dev.tally.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tally.support.FullStackTest;
import dev.tally.support.TallyProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fault 1: a worker process is killed with SIGKILL in the middle of jobs and another is started. The broker
 * hands the dead worker's unacknowledged messages to the new one, so every accepted job still ends right.
 * The web tier is this JVM's; the workers are the packaged jar.
 */
class WorkerKillIT extends FullStackTest {

    private static final int JOBS = 400;
    private static final Map<String, String> WORKER = Map.of("TALLY_WORKER_CONCURRENCY", "8");

    @BeforeEach
    void onlyTheChildWorkersConsume() throws Exception {
        camel.getRouteController().stopRoute("worker-count-words");
    }

    @AfterEach
    void restoreTheInProcessWorker() throws Exception {
        camel.getRouteController().startRoute("worker-count-words");
    }

    @Test
    void killingAWorkerMidJobLosesNoJob() throws Exception {
        JobLedger ledger = new JobLedger();
        LoadDriver load;
        Instant killed;
        int fetchesCutShort;
        try (TallyProcess doomed = TallyProcess.start("kill9-worker-1", "worker", "", WORKER)) {
            doomed.awaitHealthy();
            // documents take 250 ms, so the worker's 8 consumers are busy all along: the kill lands mid-fetch
            load = new LoadDriver(port, ledger, Duration.ofSeconds(5))
                    .start(JOBS, 4, Duration.ofSeconds(12), LoadDriver.knownDocuments(documents, JOBS, 250));

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> documents.served() >= JOBS / 4 && documents.inFlight() >= 4);
            fetchesCutShort = documents.inFlight();
            killed = Instant.now();
            doomed.kill();
        }
        try (TallyProcess replacement = TallyProcess.start("kill9-worker-2", "worker", "", WORKER)) {
            replacement.awaitHealthy();
            Instant replaced = Instant.now();
            load.awaitDone(Duration.ofSeconds(60));
            JobLedger.Verdict verdict = ledger.settle(api, Duration.ofSeconds(120));

            ChaosFigures.record(
                    "kill -9 worker",
                    verdict,
                    load,
                    Duration.between(killed, replaced),
                    verdict.recoveryAfter(replaced));
            assertThat(fetchesCutShort)
                    .as("documents being fetched when the worker died")
                    .isPositive();
            assertThat(load.unexpected()).isEmpty();
            assertThat(load.hung()).isZero();
            assertThat(load.refusals())
                    .as("the web tier does not depend on a worker")
                    .isEmpty();
            assertThat(verdict.wrong()).isEmpty();
            assertThat(verdict.lost()).isZero();
            assertThat(verdict.accepted()).isEqualTo(JOBS);
            assertThat(verdict.failed()).isEqualTo(JOBS / 20);
            assertThat(documents.refetched("/known/"))
                    .as("jobs the killed worker had started, fetched again")
                    .isPositive();
        }
    }
}
