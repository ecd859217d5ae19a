package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.support.FreePort;
import dev.tally.support.TallyProcess;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A starting web JVM never answers an API path 404 before its routes have started. With the API on its own server
 * (TALLY_API_PORT) that port is not listening until then, so nginx sends the request, a POST included, to the next
 * web JVM; it listened with the context's other lifecycles once and answered every API request 404 while Camel
 * built its routes (11,457 POSTs through nginx in the 7 s a restarted JVM took, 2026-12-06). With the API on Tomcat,
 * which listens before Camel starts, it answers 503 "starting" meanwhile (3.4 s of 404s on /health before).
 */
class ApiStartIT {

    private static final byte[] HEALTH =
            "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Duration START_BOUND = Duration.ofSeconds(300);

    @Test
    void theApisOwnPortRefusesConnectionsUntilTheRoutesCanAnswer() throws Exception {
        int apiPort = FreePort.find();
        Map<Integer, Integer> answers = answersUntilHealthy(
                "api-start-vertx", Map.of("TALLY_API_PORT", String.valueOf(apiPort)), web -> apiPort, new TreeMap<>());

        assertThat(answers.get(0))
                .as("connections refused while the JVM started")
                .isPositive();
        assertThat(answers).as("answers before the first 200 (0: refused)").doesNotContainKey(404);
    }

    @Test
    void tomcatAnswersTheApi503UntilTheRoutesCanAnswer() throws Exception {
        Map<Integer, RawHttp.Reply> firstOfEach = new TreeMap<>();
        Map<Integer, Integer> answers =
                answersUntilHealthy("api-start-tomcat", Map.of(), TallyProcess::port, firstOfEach);

        assertThat(answers).as("answers before the first 200 (0: refused)").doesNotContainKey(404);
        assertThat(answers.keySet()).as("503 while Camel started the routes").contains(503);
        RawHttp.Reply starting = firstOfEach.get(503);
        assertThat(starting.header("Retry-After")).isEqualTo("1");
        assertThat(new String(starting.body(), StandardCharsets.UTF_8))
                .contains("\"success\":false")
                .contains(ApiRules.STARTING);
    }

    /**
     * GET /health from the JVM's launch until it answers 200, counted by status (0: connection refused); the first
     * answer of each status goes to {@code firstOfEach}.
     */
    private static Map<Integer, Integer> answersUntilHealthy(
            String name,
            Map<String, String> settings,
            Function<TallyProcess, Integer> apiPort,
            Map<Integer, RawHttp.Reply> firstOfEach)
            throws Exception {
        try (TallyProcess web = TallyProcess.start(name, "web", "." + name, settings)) {
            Map<Integer, Integer> answers = new TreeMap<>();
            long deadline = System.nanoTime() + START_BOUND.toNanos();
            while (!answers.containsKey(200)) {
                assertThat(web.isAlive()).as("%s is running", web).isTrue();
                assertThat(System.nanoTime())
                        .as("healthy within %s", START_BOUND)
                        .isLessThan(deadline);
                int status;
                try {
                    RawHttp.Reply reply = RawHttp.exchange(apiPort.apply(web), HEALTH, Duration.ofSeconds(10));
                    status = reply.status();
                    firstOfEach.putIfAbsent(status, reply);
                } catch (ConnectException e) {
                    status = 0;
                }
                answers.merge(status, 1, Integer::sum);
                Thread.sleep(5);
            }
            return answers;
        }
    }
}
