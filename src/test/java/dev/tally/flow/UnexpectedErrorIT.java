package dev.tally.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.TallyApplication;
import dev.tally.support.ApiClient;
import dev.tally.support.ApiClient.Answer;
import dev.tally.support.DocumentServer;
import dev.tally.support.TestStack;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
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
 * stack trace, through HTTP. The worker's bug (dead letter and FAIL) is the route tier's: DeadLetteringTest.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class UnexpectedErrorIT {

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

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
}
