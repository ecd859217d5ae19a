package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.support.FreePort;
import dev.tally.support.TallyProcess;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A web JVM with the API on its own server (TALLY_API_PORT) listens there only once its routes have started: until
 * then a proxy's connection is refused and nginx sends the request, a POST included, to the next web JVM. Listening
 * earlier, with the context's other lifecycles, it answered every API request 404 while Camel built its routes
 * (11,457 POSTs through nginx in the 7 s a restarted JVM took, 2026-12-06).
 */
class VertxApiStartIT {

    private static final byte[] HEALTH =
            "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Duration START_BOUND = Duration.ofSeconds(300);

    @Test
    void theApiPortRefusesConnectionsUntilTheRoutesCanAnswer() throws Exception {
        int apiPort = FreePort.find();
        Map<String, String> ownServer = Map.of("TALLY_API_PORT", String.valueOf(apiPort));
        try (TallyProcess web = TallyProcess.start("vertx-start", "web", ".vertx-start", ownServer)) {
            Map<Integer, Integer> answers = new TreeMap<>();
            int refused = 0;
            long deadline = System.nanoTime() + START_BOUND.toNanos();
            while (!answers.containsKey(200)) {
                assertThat(web.isAlive()).as("%s is running", web).isTrue();
                assertThat(System.nanoTime())
                        .as("healthy within %s", START_BOUND)
                        .isLessThan(deadline);
                try {
                    answers.merge(
                            RawHttp.exchange(apiPort, HEALTH, Duration.ofSeconds(10))
                                    .status(),
                            1,
                            Integer::sum);
                } catch (ConnectException e) {
                    refused++;
                }
                Thread.sleep(5);
            }

            assertThat(refused).as("connections refused while the JVM started").isPositive();
            assertThat(answers)
                    .as("answers before and at the first 200 (503: not ready yet)")
                    .doesNotContainKey(404);
        }
    }
}
