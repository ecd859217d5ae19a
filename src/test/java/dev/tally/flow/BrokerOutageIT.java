package dev.tally.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import dev.tally.TallyApplication;
import dev.tally.support.ApiClient;
import dev.tally.support.ApiClient.Answer;
import dev.tally.support.FreePort;
import dev.tally.support.TestStack;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With RabbitMQ unreachable a POST answers 503 fast and the stored job is FAILed, never left IN_PROGRESS. */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrokerOutageIT {

    private static final int NOTHING_LISTENS = FreePort.find();

    @LocalServerPort
    int port;

    @Autowired
    MongoClient tallyMongo;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void unreachableBroker(DynamicPropertyRegistry registry) {
        TestStack.register(registry);
        registry.add("spring.rabbitmq.port", () -> NOTHING_LISTENS);
        registry.add("tally.roles", () -> "web");
    }

    @Test
    void postAnswers503NamingRabbitMqAndTheJobIsFailed() {
        ApiClient api = new ApiClient(port);
        String url = TestStack.documents().url("/broker-down-" + System.nanoTime());
        double queueUnavailableBefore = queueUnavailable();

        long start = System.nanoTime();
        Answer answer = api.submit(url);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.message()).contains("RabbitMQ");
        assertThat(took).isLessThan(Duration.ofSeconds(5));

        Document job = tallyMongo
                .getDatabase(TestStack.DATABASE)
                .getCollection("jobs")
                .find(new Document("url", url))
                .first();
        assertThat(job).isNotNull();
        assertThat(job.getString("status")).isEqualTo("FAIL");
        assertThat(job.getString("error")).isEqualTo("queue unavailable");
        assertThat(queueUnavailable()).isEqualTo(queueUnavailableBefore + 1);
        assertThat(meters.get("tally.jobs.accepted").counter().count()).isZero();
    }

    private double queueUnavailable() {
        Counter failed = meters.find("tally.jobs.failed")
                .tag("reason", "queue_unavailable")
                .counter();
        return failed == null ? 0 : failed.count();
    }

    @Test
    void healthReportsRabbitMqDown() {
        Answer health = new ApiClient(port).send("GET", "/health", null, null);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.data().path("services").path("rabbitmq").asText()).isEqualTo("DOWN");
        assertThat(health.data().path("services").path("mongodb").asText()).isEqualTo("UP");
    }
}
