package dev.tally.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import dev.tally.TallyApplication;
import dev.tally.support.ApiClient;
import dev.tally.support.TestStack;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Date;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** No job left behind: a job whose message was lost is re-published and completes, or FAILs "timed out". */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SweeperIT {

    private static final String QUEUE_SUFFIX = ".sweeper";
    /** Its own database: a sweeper this eager would otherwise re-publish other tests' unfinished jobs too. */
    private static final String DATABASE = TestStack.DATABASE + "_sweeper";

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Autowired
    MongoClient tallyMongo;

    @Autowired
    RabbitAdmin admin;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void fastSweeper(DynamicPropertyRegistry registry) {
        TestStack.register(registry, QUEUE_SUFFIX);
        registry.add("tally.mongodb.database", () -> DATABASE);
        registry.add("tally.sweeper.interval-ms", () -> 500);
        registry.add("tally.sweeper.stale-after-ms", () -> 2000);
    }

    @Test
    void aJobWhoseMessageWasLostIsRepublishedAndCompletes() {
        String jobId = lostJob(TestStack.documents().url("/lost-message.txt"));

        JsonNode job = new ApiClient(port).awaitFinished(jobId, Duration.ofSeconds(15));

        assertThat(job.path("status").asText()).isEqualTo("COMPLETE");
        assertThat(job.path("word_count").path("cat").asInt()).isEqualTo(1);
    }

    @Test
    void aJobNoWorkerFinishesIsFailedAsTimedOutAfterOneRepublish() throws Exception {
        camel.getRouteController().stopRoute("worker-count-words");
        double staleBefore = staleFailures();
        try {
            String jobId = lostJob(TestStack.documents().url("/never-worked.txt"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            admin.getQueueInfo(TestStack.QUEUE + QUEUE_SUFFIX).getMessageCount() == 1);

            JsonNode job = new ApiClient(port).awaitFinished(jobId, Duration.ofSeconds(15));

            assertThat(job.path("status").asText()).isEqualTo("FAIL");
            assertThat(job.path("error").asText()).isEqualTo("timed out");
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() ->
                            assertThat(staleFailures()).as("counted as a FAIL").isEqualTo(staleBefore + 1));
            assertThat(admin.getQueueInfo(TestStack.QUEUE + QUEUE_SUFFIX).getMessageCount())
                    .as("re-published once only")
                    .isEqualTo(1);
        } finally {
            camel.getRouteController().startRoute("worker-count-words");
        }
    }

    private double staleFailures() {
        Counter stale = meters.find("tally.jobs.failed").tag("reason", "stale").counter();
        return stale == null ? 0 : stale.count();
    }

    /** A job stored IN_PROGRESS an hour ago with no message on the queue. */
    private String lostJob(String url) {
        Date anHourAgo = new Date(System.currentTimeMillis() - 3_600_000);
        ObjectId id = new ObjectId(); // from now: the sweeper goes by created_at
        tallyMongo
                .getDatabase(DATABASE)
                .getCollection("jobs")
                .insertOne(new Document("_id", id)
                        .append("url", url)
                        .append("status", "IN_PROGRESS")
                        .append("created_at", anHourAgo)
                        .append("updated_at", anHourAgo));
        return id.toHexString();
    }
}
