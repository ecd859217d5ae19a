package dev.tally.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.TallyApplication;
import dev.tally.support.ApiClient;
import dev.tally.support.ApiClient.Answer;
import dev.tally.support.DocumentServer;
import dev.tally.support.TestStack;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bugs cannot be produced for real, so AdviceWith plants one: the API answers the original 500 message without a
 * stack trace, and the worker dead-letters the message with its original body and FAILs the job with a sentence
 * that names no class.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class UnexpectedErrorIT {

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

    ApiClient api;
    DocumentServer documents;

    @DynamicPropertySource
    static void ownQueues(DynamicPropertyRegistry registry) {
        TestStack.register(registry, ".unexpected");
        // AdviceWith restarts the routes it changes; the supervising controller would start them asynchronously
        registry.add("camel.routecontroller.enabled", () -> false);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        documents = TestStack.documents();
    }

    @Test
    void anUnexpectedApiErrorIsThe500OfTheOriginalWithoutAStackTrace() throws Exception {
        AdviceWith.adviceWith(
                camel,
                "api-answer-job",
                route -> route.weaveAddFirst().throwException(new IllegalStateException("planted bug")));
        String jobId = api.submitOk(documents.url("/unexpected-api.txt"));

        Answer answer = api.job(jobId);

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.message()).isEqualTo("Oh dear! Something unexpected occurred...");
        assertThat(answer.raw().body()).doesNotContain("planted bug").doesNotContain("Exception");
    }

    @Test
    void anUnexpectedWorkerErrorDeadLettersTheMessageAndFailsTheJob() throws Exception {
        AdviceWith.adviceWith(
                camel,
                "worker-count-words",
                route -> route.weaveById("store-histogram")
                        .before()
                        .throwException(new IllegalStateException("planted worker bug")));
        AdviceWith.adviceWith(
                camel,
                "dead-letter",
                route -> route.weaveById("publish-dead-letter").after().to("mock:dead-letters"));
        MockEndpoint deadLetters = camel.getEndpoint("mock:dead-letters", MockEndpoint.class);
        deadLetters.expectedMessageCount(1);
        deadLetters.expectedHeaderReceived("tally-dead-letter-exception", "java.lang.IllegalStateException");
        deadLetters.expectedHeaderReceived("tally-dead-letter-route", "worker-count-words");

        String jobId = api.submitOk(documents.url("/unexpected-worker.txt"));

        deadLetters.assertIsSatisfied(20_000);
        String original = deadLetters.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertThat(original).isEqualTo("{\"job_id\":\"" + jobId + "\"}");
        JsonNode job = api.awaitFinished(jobId, Duration.ofSeconds(10));
        assertThat(job.path("status").asText()).isEqualTo("FAIL");
        // the user reads a sentence; the operator finds the bug in the dead letter's headers and the log
        assertThat(job.path("error").asText()).isEqualTo("internal error while counting the words");
        assertThat(deadLetters.getReceivedExchanges().get(0).getMessage().getHeader("tally-dead-letter-reason"))
                .isEqualTo("planted worker bug");
        assertThat(meters.get("tally.dead.letters").counter().count()).isEqualTo(1);
        assertThat(meters.get("tally.jobs.failed")
                        .tag("reason", "dead_letter")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.find("tally.jobs.failed").counters())
                .as("no other FAIL")
                .hasSize(1);
    }
}
