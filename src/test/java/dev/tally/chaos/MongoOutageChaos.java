package dev.tally.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tally.support.ApiClient;
import dev.tally.support.FreePort;
import dev.tally.support.StoreProcess;
import dev.tally.support.TallyProcess;
import dev.tally.support.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fault 3: the MongoDB wire server (the store process, on its H2 file) stops for 10 s in the middle of a
 * load and starts again on the same file. /health turns FAIL and back to PASS on its own, POSTs get 503
 * while it is away, and every accepted job ends right.
 */
class MongoOutageChaos {

    private static final String QUEUES = ".chaos-mongo";
    private static final int JOBS = 400;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** A 503 may come this long after the store is back: a request that began before waited for MongoDB. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    @Test
    void healthFailsAndRecoversOnItsOwnAndEveryAcceptedJobFinishes() throws Exception {
        Path dataDir = Files.createTempDirectory("tally-chaos-store");
        int storePort = FreePort.find();
        StoreProcess store = StoreProcess.start("mongo-store", dataDir, storePort);
        Map<String, String> settings = Map.of(
                "TALLY_MONGODB_URI",
                store.uri(),
                "TALLY_MONGODB_DATABASE",
                "tally_chaos_" + TestStack.RUN_ID,
                "TALLY_WORKER_CONCURRENCY",
                "8");
        try (TallyProcess web = TallyProcess.start("mongo-web", "web", QUEUES, settings);
                TallyProcess worker = TallyProcess.start("mongo-worker", "worker", QUEUES, settings)) {
            web.awaitHealthy();
            worker.awaitHealthy();
            ApiClient api = web.api();
            JobLedger ledger = new JobLedger();
            LoadDriver load = new LoadDriver(web.port(), ledger, Duration.ofSeconds(10))
                    .start(JOBS, 4, Duration.ofSeconds(36), LoadDriver.knownDocuments(TestStack.documents(), JOBS, 50));

            Thread.sleep(8_000);
            Instant downFrom = Instant.now();
            int storeStatus = store.stop();
            await("/health FAIL")
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> mongoHealth(api).equals("503 DOWN"));
            Duration healthFailed = Duration.between(downFrom, Instant.now());
            Thread.sleep(OUTAGE.toMillis()
                    - Duration.between(downFrom, Instant.now()).toMillis());
            store = StoreProcess.start("mongo-store", dataDir, storePort);
            Instant downTo = Instant.now();
            await("/health PASS")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> mongoHealth(api).equals("200 UP"));
            Duration healthBack = Duration.between(downTo, Instant.now());

            load.awaitDone(Duration.ofSeconds(60));
            JobLedger.Verdict verdict = ledger.settle(api, Duration.ofSeconds(180));
            List<Instant> whileDown = load.refusals().stream()
                    .filter(t -> !t.isBefore(downFrom) && !t.isAfter(downTo.plus(SLACK)))
                    .toList();

            ChaosFigures.record(
                    "MongoDB store stopped, restarted after 10 s",
                    verdict,
                    load,
                    Duration.between(downFrom, downTo),
                    verdict.recoveryAfter(downTo));
            System.out.printf(
                    "MongoDB outage: store exit status %d, /health FAIL %.1f s after the stop and PASS"
                            + " %.1f s after the restart; %d refusals while down; jobs accepted in the next 10 s waited at"
                            + " most %.1f s%n",
                    storeStatus,
                    healthFailed.toMillis() / 1000.0,
                    healthBack.toMillis() / 1000.0,
                    whileDown.size(),
                    verdict.longestWait(downTo, downTo.plusSeconds(10)).toMillis() / 1000.0);
            assertThat(load.hung()).isZero();
            assertThat(load.slowest()).as("MongoDB timeouts are 2 s").isLessThan(Duration.ofSeconds(6));
            assertThat(load.unexpected()).isEmpty();
            assertThat(whileDown).as("503s while MongoDB was away").isNotEmpty();
            assertThat(load.refusals()).as("503s only while MongoDB was away").hasSameSizeAs(whileDown);
            assertThat(verdict.wrong()).isEmpty();
            assertThat(verdict.lost()).isZero();
            assertThat(verdict.accepted()).isEqualTo(JOBS - load.refusals().size());
        } finally {
            store.close();
        }
    }

    /** "status mongodb-state" from /health, e.g. "503 DOWN". */
    private static String mongoHealth(ApiClient api) {
        ApiClient.Answer health = api.send("GET", "/health", null, null);
        return health.status() + " "
                + health.data().path("services").path("mongodb").asText();
    }
}
