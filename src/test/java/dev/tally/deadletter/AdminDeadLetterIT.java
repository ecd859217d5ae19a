package dev.tally.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.support.ApiClient.Answer;
import dev.tally.support.FullStackTest;
import dev.tally.support.TestStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/** The operator's dead-letter queue: list without consuming, replay by id or all, purge, behind basic auth. */
class AdminDeadLetterIT extends FullStackTest {

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    RabbitAdmin admin;

    @Autowired
    com.mongodb.client.MongoClient tallyMongo;

    @BeforeEach
    @AfterEach
    void emptyDeadLetterQueue() {
        admin.purgeQueue(TestStack.DEAD_LETTER_QUEUE, false);
    }

    @Test
    void theOperatorSurfaceNeedsCredentials() {
        Answer anonymous = api.send("GET", "/admin/dead-letters", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.raw().headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(anonymous.body().path("success").asBoolean(true)).isFalse();
        assertThat(api.send("GET", "/actuator/info", null, null).status()).isEqualTo(401);

        assertThat(api.admin("GET", "/admin/dead-letters").status()).isEqualTo(200);
        assertThat(api.admin("GET", "/actuator/info").status()).isEqualTo(200);
        assertThat(api.send("GET", "/actuator/health", null, null).status()).isEqualTo(200);
    }

    @Test
    void listsDeadLettersWithoutConsumingThem() {
        deadLetter("one", "{}", null);
        deadLetter("two", "garbage", null);

        for (int look = 0; look < 2; look++) {
            Answer listed = api.admin("GET", "/admin/dead-letters?limit=10");
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.data().path("count").asInt()).isEqualTo(2);
            JsonNode first = listed.data().path("dead_letters").get(0);
            assertThat(first.path("id").asText()).isEqualTo("one");
            assertThat(first.path("body").asText()).isEqualTo("{}");
            assertThat(first.path("reason").asText()).isEqualTo("planted one");
            assertThat(first.path("route").asText()).isEqualTo("worker-count-words");
            assertThat(first.path("attempts").asInt()).isEqualTo(4);
            assertThat(first.path("first_failed_at").asText()).isEqualTo("2026-11-28T00:00:00Z");
            assertThat(first.path("last_failed_at").asText()).isEqualTo("2026-11-28T00:00:01Z");
        }
        assertThat(api.admin("GET", "/admin/dead-letters?limit=1")
                        .data()
                        .path("dead_letters")
                        .size())
                .isEqualTo(1);
        assertThat(api.admin("GET", "/admin/dead-letters?limit=nope").status()).isEqualTo(400);
    }

    @Test
    void replayingAFailedJobReopensItAndTheWorkerCompletesIt() {
        String jobId = failedJob(documents.url("/replayed.txt"));
        deadLetter("keep", "{}", null);
        deadLetter("replay-me", "{\"job_id\":\"" + jobId + "\"}", jobId);

        Answer replayed = api.admin("POST", "/admin/dead-letters/replay?id=replay-me");

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.data().path("replayed").asInt()).isEqualTo(1);
        assertThat(api.admin("GET", "/admin/dead-letters")
                        .data()
                        .path("dead_letters")
                        .get(0)
                        .path("job_id")
                        .isNull())
                .as("the kept one has no job")
                .isTrue();
        JsonNode job = api.awaitFinished(jobId, Duration.ofSeconds(20));
        assertThat(job.path("status").asText()).isEqualTo("COMPLETE");
        assertThat(job.has("error")).isFalse();
        JsonNode left = api.admin("GET", "/admin/dead-letters").data();
        assertThat(left.path("count").asInt()).isEqualTo(1);
        assertThat(left.path("dead_letters").get(0).path("id").asText()).isEqualTo("keep");
    }

    @Test
    void purgesByIdAndThenAll() {
        deadLetter("a", "{}", null);
        deadLetter("b", "{}", null);
        deadLetter("c", "{}", null);

        assertThat(api.admin("DELETE", "/admin/dead-letters?id=b")
                        .data()
                        .path("purged")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.admin("GET", "/admin/dead-letters").data().path("count").asInt())
                .isEqualTo(2);
        assertThat(api.admin("DELETE", "/admin/dead-letters")
                        .data()
                        .path("purged")
                        .asInt())
                .isEqualTo(2);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> api.admin("GET", "/admin/dead-letters")
                                .data()
                                .path("count")
                                .asInt()
                        == 0);
    }

    /** A job the worker gave up on: stored as FAIL, as the dead-letter route leaves it. */
    private String failedJob(String url) {
        ObjectId id = new ObjectId();
        tallyMongo
                .getDatabase(TestStack.DATABASE)
                .getCollection("jobs")
                .insertOne(new Document("_id", id)
                        .append("url", url)
                        .append("status", "FAIL")
                        .append("error", "planted")
                        .append("created_at", new java.util.Date())
                        .append("updated_at", new java.util.Date()));
        return id.toHexString();
    }

    /** What the dead-letter route publishes, placed straight on the queue. */
    private void deadLetter(String id, String body, String jobId) {
        MessageProperties props = new MessageProperties();
        props.setHeader("tally-dead-letter-id", id);
        props.setHeader("tally-dead-letter-reason", "planted " + id);
        props.setHeader("tally-dead-letter-exception", "java.lang.IllegalStateException");
        props.setHeader("tally-dead-letter-route", "worker-count-words");
        props.setHeader("tally-dead-letter-attempts", "4");
        props.setHeader("tally-dead-letter-failed-at", "2026-11-28T00:00:01Z");
        props.setHeader("tally-dead-letter-first-failed-at", "2026-11-28T00:00:00Z");
        if (jobId != null) {
            props.setHeader("tally-dead-letter-job-id", jobId);
        }
        // confirmed before the next is sent: two sends may take two cached channels, whose messages can overtake
        rabbit.invoke(template -> {
            template.send("", TestStack.DEAD_LETTER_QUEUE, new Message(body.getBytes(StandardCharsets.UTF_8), props));
            template.waitForConfirmsOrDie(5_000);
            return null;
        });
    }
}
