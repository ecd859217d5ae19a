package dev.tally.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.TallyApplication;
import dev.tally.support.ApiClient;
import dev.tally.support.ApiClient.Answer;
import dev.tally.support.SilentServer;
import dev.tally.support.TestStack;
import java.time.Duration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A MongoDB that accepts connections and never answers: health and the API still answer on time. */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HangingMongoIT {

    private static final SilentServer HANGING_MONGO = new SilentServer();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void hangingMongo(DynamicPropertyRegistry registry) {
        TestStack.register(registry, ".hanging");
        registry.add("tally.roles", () -> "web");
        registry.add("tally.mongodb.uri", () -> "mongodb://127.0.0.1:" + HANGING_MONGO.port());
    }

    @Test
    void healthAnswersWithin2SecondsAndPostsGetAFast503() {
        ApiClient api = new ApiClient(port);

        long start = System.nanoTime();
        Answer health = api.send("GET", "/health", null, null);
        Duration healthTook = Duration.ofNanos(System.nanoTime() - start);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.data().path("services").path("mongodb").asText()).isEqualTo("DOWN");
        assertThat(health.data().path("services").path("rabbitmq").asText()).isEqualTo("UP");
        assertThat(healthTook).isLessThan(Duration.ofSeconds(2));

        start = System.nanoTime();
        Answer post = api.submit(TestStack.documents().url("/hanging.txt"));
        Duration postTook = Duration.ofNanos(System.nanoTime() - start);
        assertThat(post.status()).isEqualTo(503);
        assertThat(post.message()).contains("MongoDB");
        assertThat(postTook).isLessThan(Duration.ofSeconds(5));
    }
}
