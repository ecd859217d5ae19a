package dev.tally.support;

import dev.tally.TallyApplication;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Tally in one JVM with web and worker roles, against the real RabbitMQ and a MongoDB wire server over TCP.
 * Every subclass shares one application context.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class FullStackTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected CamelContext camel;

    protected ApiClient api;
    protected DocumentServer documents;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        documents = TestStack.documents();
    }

    protected String submit(String url) {
        ApiClient.Answer answer = api.submit(url);
        if (answer.status() != 202) {
            throw new AssertionError("expected 202 for " + url + " but got " + answer.status() + " " + answer.body());
        }
        return answer.data().path("job_id").asText();
    }

    /** Polls the public API until the job leaves IN_PROGRESS, and returns its data. */
    protected com.fasterxml.jackson.databind.JsonNode awaitFinished(String jobId, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(100))
                .until(() -> !"IN_PROGRESS".equals(api.job(jobId).data().path("status").asText()));
        return api.job(jobId).data();
    }

    protected static Document filterById(String jobId) {
        return new Document("_id", new org.bson.types.ObjectId(jobId));
    }
}
