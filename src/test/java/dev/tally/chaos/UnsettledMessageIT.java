package dev.tally.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.TallyApplication;
import dev.tally.support.ApiClient;
import dev.tally.support.KnownDocuments;
import dev.tally.support.TestStack;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A message whose handling fails and whose error handling fails too (MongoOutageChaos does it for real, with
 * MongoDB away for 10 s; here AdviceWith makes the job and the dead-letter publish fail once) goes back to the
 * queue and its job completes on the next delivery. It used to be acknowledged and dropped.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UnsettledMessageIT {

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void ownQueues(DynamicPropertyRegistry registry) {
        TestStack.register(registry, ".unsettled");
        // AdviceWith restarts the routes it changes; the supervising controller would start them asynchronously
        registry.add("camel.routecontroller.enabled", () -> false);
    }

    @Test
    void aMessageWhoseErrorHandlingFailsGoesBackToTheQueueAndItsJobCompletes() throws Exception {
        AtomicInteger storeFailures = new AtomicInteger();
        AtomicInteger publishFailures = new AtomicInteger();
        AdviceWith.adviceWith(camel, "worker-count-words",
                route -> route.weaveById("store-histogram").before().process(failOnce(storeFailures, "store")));
        AdviceWith.adviceWith(camel, "dead-letter",
                route -> route.weaveById("publish-dead-letter").before().process(failOnce(publishFailures, "dead-letter publish")));
        ApiClient api = new ApiClient(port);
        int n = KnownDocuments.reserve(1);

        String jobId = api.submitOk(TestStack.documents().url(KnownDocuments.path(n, 0)));

        var job = api.awaitFinished(jobId, Duration.ofSeconds(30));
        assertThat(storeFailures.get()).as("the first delivery failed").isEqualTo(1);
        assertThat(publishFailures.get()).as("and so did its dead-lettering").isEqualTo(1);
        assertThat(job.path("status").asText()).as("completed on the redelivery: %s", job).isEqualTo("COMPLETE");
        assertThat(job.path("word_count").path("doc" + n).asInt()).isEqualTo(1);
    }

    private static Processor failOnce(AtomicInteger failures, String what) {
        return exchange -> {
            if (failures.compareAndSet(0, 1)) {
                throw new IllegalStateException("planted failure of the " + what);
            }
        };
    }
}
