package dev.tally.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.MongoTimeoutException;
import dev.tally.TallyApplication;
import dev.tally.support.ApiClient;
import dev.tally.support.KnownDocuments;
import dev.tally.support.TestStack;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
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
 * Messages the worker cannot settle go back to the queue, and their jobs complete on a later delivery.
 * MongoOutageChaos does this for real with MongoDB away for 10 s; here AdviceWith plants the failures, in
 * seconds: MongoDB out of reach through every retry, and a failure whose dead-lettering fails too (such a
 * message used to be acknowledged and dropped, its job left IN_PROGRESS).
 */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UnsettledMessageIT {

    private static final Planted STORE = new Planted();
    private static final Planted DEAD_LETTER_PUBLISH = new Planted();

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

    @BeforeEach
    void plantFailurePoints() throws Exception {
        if (camel.getRoute("worker-count-words").getProperties().containsKey("planted")) {
            return;
        }
        AdviceWith.adviceWith(
                camel,
                "worker-count-words",
                route -> route.weaveById("store-histogram").before().process(STORE));
        AdviceWith.adviceWith(
                camel,
                "dead-letter",
                route -> route.weaveById("publish-dead-letter").before().process(DEAD_LETTER_PUBLISH));
        camel.getRoute("worker-count-words").getProperties().put("planted", true);
    }

    @Test
    void mongoDbOutOfReachThroughEveryRetrySendsTheMessageBackAndTheJobCompletes() {
        int attempts = 1 + 3; // tally.redelivery.max-attempts
        STORE.failNext(attempts, () -> new MongoTimeoutException("planted: MongoDB out of reach"));

        JsonNode job = submitAndAwait();

        assertThat(STORE.thrown())
                .as("every attempt of the first delivery failed")
                .isEqualTo(attempts);
        assertThat(job.path("status").asText())
                .as("completed on the redelivery, not FAILed: %s", job)
                .isEqualTo("COMPLETE");
    }

    @Test
    void aFailureWhoseDeadLetteringFailsTooSendsTheMessageBackAndTheJobCompletes() {
        STORE.failNext(1, () -> new IllegalStateException("planted failure of the store"));
        DEAD_LETTER_PUBLISH.failNext(1, () -> new IllegalStateException("planted failure of the dead-letter publish"));

        JsonNode job = submitAndAwait();

        assertThat(STORE.thrown()).isEqualTo(1);
        assertThat(DEAD_LETTER_PUBLISH.thrown())
                .as("and so did its dead-lettering")
                .isEqualTo(1);
        assertThat(job.path("status").asText())
                .as("completed on the redelivery: %s", job)
                .isEqualTo("COMPLETE");
    }

    private JsonNode submitAndAwait() {
        ApiClient api = new ApiClient(port);
        int n = KnownDocuments.reserve(1);
        String jobId = api.submitOk(TestStack.documents().url(KnownDocuments.path(n, 0)));
        JsonNode job = api.awaitFinished(jobId, Duration.ofSeconds(30));
        assertThat(job.path("word_count").path("doc" + n).asInt()).as("%s", job).isEqualTo(1);
        return job;
    }

    /** Throws the next {@code count} times it runs, then lets everything pass. */
    private static final class Planted implements Processor {
        private final AtomicInteger remaining = new AtomicInteger();
        private final AtomicInteger thrown = new AtomicInteger();
        private volatile Supplier<RuntimeException> failure;

        void failNext(int count, Supplier<RuntimeException> failure) {
            this.failure = failure;
            thrown.set(0);
            remaining.set(count);
        }

        int thrown() {
            return thrown.get();
        }

        @Override
        public void process(org.apache.camel.Exchange exchange) {
            if (remaining.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                thrown.incrementAndGet();
                throw failure.get();
            }
        }
    }
}
