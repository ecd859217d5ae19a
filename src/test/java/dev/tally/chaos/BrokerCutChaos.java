package dev.tally.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tally.support.ApiClient;
import dev.tally.support.TallyProcess;
import dev.tally.support.TcpProxy;
import dev.tally.support.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fault 2: RabbitMQ goes away from a web and a worker process (the packaged jar) during load, twice: first the
 * broker closes their connections (rabbitmqctl close_connection, ours only: the TcpProxy they reach the broker
 * through knows their broker-side ports), then the proxy stops listening for 10 s. The web answers 503 fast
 * while it cannot reach the broker and never hangs; every accepted job ends right once the broker is back.
 */
class BrokerCutChaos {

    private static final String QUEUES = ".chaos-broker";
    private static final int JOBS = 400;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** A 503 answer may come this long after the broker is back: a request that began before waited to connect. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    @Test
    void everyAcceptedJobFinishesAndTheWebAnswers503OnlyWhileTheBrokerIsAway() throws Exception {
        TcpProxy broker = new TcpProxy(TestStack.RABBIT_HOST, TestStack.RABBIT_PORT);
        broker.open();
        try (broker;
                TallyProcess web = TallyProcess.start("broker-web", "web", QUEUES, viaProxy(broker));
                TallyProcess worker = TallyProcess.start("broker-worker", "worker", QUEUES, viaProxy(broker))) {
            web.awaitHealthy();
            worker.awaitHealthy();
            ApiClient api = web.api();
            JobLedger ledger = new JobLedger();
            LoadDriver load = new LoadDriver(web.port(), ledger, Duration.ofSeconds(10))
                    .start(JOBS, 4, Duration.ofSeconds(36), LoadDriver.knownDocuments(TestStack.documents(), JOBS, 50));

            Thread.sleep(6_000);
            Instant cutFrom = Instant.now();
            int closed = RabbitCtl.closeConnections(broker.upstreamPorts(), "chaos test: cut");
            Instant cutTo = Instant.now();

            Thread.sleep(4_000);
            Instant downFrom = Instant.now();
            broker.close();
            await("/health FAIL").atMost(Duration.ofSeconds(5)).until(() -> health(api) == 503);
            Thread.sleep(OUTAGE.toMillis()
                    - Duration.between(downFrom, Instant.now()).toMillis());
            broker.open();
            Instant downTo = Instant.now();
            await("/health PASS").atMost(Duration.ofSeconds(15)).until(() -> health(api) == 200);
            Duration healthBack = Duration.between(downTo, Instant.now());

            load.awaitDone(Duration.ofSeconds(60));
            JobLedger.Verdict verdict = ledger.settle(api, Duration.ofSeconds(120));
            List<Instant> atCut = within(load.refusals(), cutFrom, cutTo.plus(SLACK));
            List<Instant> whileDown = within(load.refusals(), downFrom, downTo.plus(SLACK));

            ChaosFigures.record(
                    "broker connections cut",
                    verdict,
                    load,
                    Duration.between(downFrom, downTo),
                    verdict.recoveryAfter(downTo));
            System.out.printf(
                    "broker cut: %d connections closed by rabbitmqctl, %d refusals around it; outage:"
                            + " %d refusals, /health PASS %.1f s after, jobs accepted in the next 10 s waited at most %.1f s%n",
                    closed,
                    atCut.size(),
                    whileDown.size(),
                    healthBack.toMillis() / 1000.0,
                    verdict.longestWait(downTo, downTo.plusSeconds(10)).toMillis() / 1000.0);
            assertThat(closed).as("our web and worker connections").isGreaterThanOrEqualTo(2);
            assertThat(load.hung()).isZero();
            assertThat(load.slowest())
                    .as("connection timeout 2 s + confirm timeout 3 s")
                    .isLessThan(Duration.ofSeconds(6));
            assertThat(load.unexpected()).isEmpty();
            assertThat(whileDown).as("503s while the broker was away").isNotEmpty();
            assertThat(load.refusals())
                    .as("503s only while the broker was away")
                    .hasSize(atCut.size() + whileDown.size());
            assertThat(verdict.wrong()).isEmpty();
            assertThat(verdict.lost()).isZero();
            assertThat(verdict.accepted()).isEqualTo(JOBS - load.refusals().size());
        }
    }

    private static Map<String, String> viaProxy(TcpProxy broker) {
        return Map.of("SPRING_RABBITMQ_PORT", String.valueOf(broker.port()), "TALLY_WORKER_CONCURRENCY", "8");
    }

    private static int health(ApiClient api) {
        return api.send("GET", "/health", null, null).status();
    }

    private static List<Instant> within(List<Instant> times, Instant from, Instant to) {
        return times.stream().filter(t -> !t.isBefore(from) && !t.isAfter(to)).toList();
    }
}
