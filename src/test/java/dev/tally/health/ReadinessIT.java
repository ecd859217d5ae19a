package dev.tally.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.support.FullStackTest;
import dev.tally.support.OperatorHttp;
import dev.tally.support.TestStack;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /actuator/health with Camel's checks and the probe groups: readiness goes DOWN while MongoDB is down and comes
 * back by itself, liveness stays UP (restarting would not bring MongoDB back), and /health keeps its contract.
 */
class ReadinessIT extends FullStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    OperatorHttp http;

    @BeforeEach
    void operator() {
        http = new OperatorHttp(port);
    }

    @Test
    void healthShowsCamelsContextRouteAndConsumerChecksToTheAdmin() {
        JsonNode health = json(http.get("/actuator/health", "Authorization", OperatorHttp.admin()));
        JsonNode camelChecks = health.path("components").path("camelHealth").path("details");
        assertThat(camelChecks.path("context").asText()).isEqualTo("UP");
        assertThat(camelChecks.path("route:worker-count-words").asText()).isEqualTo("UP");
        assertThat(camelChecks.path("consumer:worker-count-words").asText()).isEqualTo("UP");
        assertThat(camelChecks.path("route:api-post-word-count").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("mongodb").path("status").asText())
                .isEqualTo("UP");
        assertThat(health.path("components").path("rabbitmq").path("status").asText())
                .isEqualTo("UP");
        assertThat(health.path("groups").toString()).contains("liveness", "readiness");

        // anyone may ask, but only the admin sees what is inside
        JsonNode anonymous = json(http.get("/actuator/health"));
        assertThat(anonymous.path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
    }

    @Test
    void readinessIsDownWhileMongoDbIsDownAndLivenessStaysUp() {
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        TestStack.stopMongo();
        try {
            HttpResponse<String> readiness =
                    http.get("/actuator/health/readiness", "Authorization", OperatorHttp.admin());
            assertThat(readiness.statusCode()).isEqualTo(503);
            JsonNode ready = json(readiness);
            assertThat(ready.path("status").asText()).isEqualTo("DOWN");
            assertThat(ready.path("components").path("mongodb").path("status").asText())
                    .isEqualTo("DOWN");
            assertThat(ready.path("components").path("rabbitmq").path("status").asText())
                    .isEqualTo("UP");

            HttpResponse<String> liveness = http.get("/actuator/health/liveness");
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(json(liveness).path("status").asText()).isEqualTo("UP");

            // the public contract is unchanged
            HttpResponse<String> publicHealth = http.get("/health");
            assertThat(publicHealth.statusCode()).isEqualTo(503);
            assertThat(json(publicHealth).path("data").path("status").asText()).isEqualTo("FAIL");
            assertThat(json(publicHealth)
                            .path("data")
                            .path("services")
                            .path("mongodb")
                            .asText())
                    .isEqualTo("DOWN");
        } finally {
            TestStack.startMongo();
        }
        await().atMost(Duration.ofSeconds(15))
                .until(() -> http.get("/actuator/health/readiness").statusCode() == 200);
        HttpResponse<String> publicHealth = http.get("/health");
        assertThat(publicHealth.statusCode()).isEqualTo(200);
        assertThat(json(publicHealth).path("data").path("status").asText()).isEqualTo("PASS");
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
