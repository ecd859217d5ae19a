package dev.tally.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tally.TallyApplication;
import dev.tally.support.ApiClient;
import dev.tally.support.FreePort;
import dev.tally.support.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code make run}'s mode: no external RabbitMQ or MongoDB, the embedded Qpid broker and H2-backed wire server. */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedModeIT {

    private static final int BROKER_PORT = FreePort.find();

    @TempDir
    static Path data;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("tally.broker.embedded-port", () -> BROKER_PORT);
        registry.add("tally.mongodb.embedded.data-dir", () -> data.toString());
        registry.add("tally.fetch.allow-private-networks", () -> true);
    }

    @Test
    void runsAJobEndToEndOnTheEmbeddedServices() {
        ApiClient api = new ApiClient(port);
        assertThat(api.send("GET", "/health", null, null).status()).isEqualTo(200);

        ApiClient.Answer accepted = api.submit(TestStack.documents().url("/embedded.txt"));
        assertThat(accepted.status()).isEqualTo(202);
        String jobId = accepted.data().path("job_id").asText();

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.job(jobId).data().path("status").asText().equals("COMPLETE"));
        assertThat(api.job(jobId).data().path("word_count").path("hat").asInt()).isEqualTo(1);
        assertThat(data.resolve("tally-mongo.mv")).exists();
    }
}
