package dev.tally.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.support.ApiClient.Answer;
import dev.tally.support.FullStackTest;
import dev.tally.support.TestStack;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With MongoDB gone the API answers 503 quickly and says which service is down; it recovers on its own. */
class MongoOutageIT extends FullStackTest {

    @Test
    void answersFast503sAndFailingHealthWhileMongoIsDown() {
        TestStack.stopMongo();
        try {
            long start = System.nanoTime();
            Answer post = api.submit(documents.url("/during-outage.txt"));
            Duration postTook = Duration.ofNanos(System.nanoTime() - start);
            assertThat(post.status()).isEqualTo(503);
            assertThat(post.message()).contains("MongoDB");
            assertThat(post.body().path("success").asBoolean(true)).isFalse();
            assertThat(postTook).isLessThan(Duration.ofSeconds(5));

            Answer get = api.job("6b0a3fb7e08e95152fdf5445");
            assertThat(get.status()).isEqualTo(503);
            assertThat(get.message()).contains("MongoDB");

            start = System.nanoTime();
            Answer health = api.send("GET", "/health", null, null);
            Duration healthTook = Duration.ofNanos(System.nanoTime() - start);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.data().path("status").asText()).isEqualTo("FAIL");
            assertThat(health.data().path("info").asText()).isEqualTo("At least one service is offline");
            assertThat(health.data().path("services").path("mongodb").asText()).isEqualTo("DOWN");
            assertThat(health.data().path("services").path("rabbitmq").asText()).isEqualTo("UP");
            assertThat(healthTook).isLessThan(Duration.ofSeconds(2));
        } finally {
            TestStack.startMongo();
        }
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> api.send("GET", "/health", null, null).status() == 200);
        String jobId = submit(documents.url("/after-outage.txt"));
        assertThat(awaitFinished(jobId, Duration.ofSeconds(20)).path("status").asText())
                .isEqualTo("COMPLETE");
    }
}
