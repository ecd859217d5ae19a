package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.tally.TallyApplication;
import dev.tally.job.JobFailures;
import dev.tally.support.ApiClient;
import dev.tally.support.TestStack;
import dev.tally.sweep.ExpiredJobs;
import dev.tally.sweep.StaleJobs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mongodb.MongoDbEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every write Tally makes waits for tally.mongodb.write-concern (default majority): the routes' inserts and
 * updates, the sweeper's claims and FAILs, retention's deletes, the index creation. The commands are read as the
 * driver sends them, through a CommandListener; the test's own setup writes through a client of its own.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WriteConcernIT.RecordedWrites.class)
class WriteConcernIT {

    private static final String QUEUE_SUFFIX = ".write-concern";
    private static final String DATABASE = TestStack.DATABASE + "_write_concern";
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "createIndexes");
    private static final BsonDocument MAJORITY = new BsonDocument("w", new BsonString("majority"));

    record Write(String command, String collection, BsonDocument writeConcern) {}

    static final List<Write> SENT = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class RecordedWrites {
        @Bean
        CommandListener recordWrites() {
            return new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (WRITES.contains(event.getCommandName()) && DATABASE.equals(event.getDatabaseName())) {
                        BsonDocument command = event.getCommand();
                        BsonDocument concern = command.getDocument("writeConcern", null);
                        SENT.add(new Write(
                                event.getCommandName(),
                                command.getString(event.getCommandName()).getValue(),
                                concern == null ? null : concern.clone()));
                    }
                }
            };
        }
    }

    @DynamicPropertySource
    static void ownQueueAndDatabase(DynamicPropertyRegistry registry) {
        TestStack.register(registry, QUEUE_SUFFIX);
        registry.add("tally.mongodb.database", () -> DATABASE);
        // the test runs the sweeper's and retention's beans itself
        registry.add("tally.sweeper.enabled", () -> false);
        registry.add("tally.retention.enabled", () -> false);
    }

    @LocalServerPort
    int port;

    @Value("${tally.mongodb.uri}")
    String uri;

    @Autowired
    CamelContext camel;

    @Autowired
    JobIndexes indexes;

    @Autowired
    StaleJobs staleJobs;

    @Autowired
    ExpiredJobs expiredJobs;

    @Autowired
    JobFailures jobFailures;

    @Test
    void everyWriteFromTheApiTheWorkerTheSweeperAndRetentionCarriesMajority() throws Exception {
        indexes.created().get(30, TimeUnit.SECONDS);
        ApiClient api = new ApiClient(port);
        String complete = api.submitOk(TestStack.documents().url("/write-concern.txt"));
        String failed = api.submitOk(TestStack.documents().url("/missing"));
        assertThat(api.awaitFinished(complete, Duration.ofSeconds(20))
                        .path("status")
                        .asText())
                .isEqualTo("COMPLETE");
        assertThat(api.awaitFinished(failed, Duration.ofSeconds(20))
                        .path("status")
                        .asText())
                .isEqualTo("FAIL");
        try (MongoClient setup = MongoClients.create(uri)) {
            storeStaleAndExpiredJobs(setup.getDatabase(DATABASE));
        }

        List<String> overdue = staleJobs.overdue();
        assertThat(overdue).hasSize(1);
        // what the sweeper route does with each (it is off here): the FAIL route
        failTimedOut(overdue.get(0));
        assertThat(staleJobs.claimForRepublish()).hasSize(1);
        assertThat(expiredJobs.remove()).isEqualTo(new ExpiredJobs.Removed(1, 1));

        assertThat(SENT)
                .extracting(write -> write.command() + " " + write.collection())
                .contains(
                        "createIndexes jobs",
                        "createIndexes word_counts.files",
                        "createIndexes word_counts.chunks",
                        "insert jobs", // POST
                        "update jobs", // COMPLETE, FAIL, the sweeper's FAIL
                        "findAndModify jobs", // the sweeper's claim
                        "delete jobs",
                        "delete word_counts.files",
                        "delete word_counts.chunks");
        assertThat(SENT)
                .allSatisfy(write -> assertThat(write.writeConcern())
                        .as(write.command() + " " + write.collection())
                        .isEqualTo(MAJORITY));
    }

    /** The route paths this test does not run (queue unavailable, dead letter) write through the same endpoint. */
    @Test
    void everyMongoDbEndpointOfTheRoutesWritesWithMajority() {
        List<MongoDbEndpoint> endpoints = camel.getEndpoints().stream()
                .filter(MongoDbEndpoint.class::isInstance)
                .map(MongoDbEndpoint.class::cast)
                .toList();

        assertThat(endpoints).isNotEmpty();
        // what camel-mongodb's producer applies to the collection of every write (not the client's, which it overrides)
        assertThat(endpoints)
                .allSatisfy(endpoint -> assertThat(endpoint.getWriteConcernBean())
                        .as(endpoint.getEndpointUri())
                        .isEqualTo(WriteConcern.MAJORITY));
    }

    private void failTimedOut(String jobId) {
        Exchange failed = camel.createProducerTemplate().send("direct:fail-job", exchange -> {
            exchange.setProperty("jobId", jobId);
            exchange.setProperty("failure", jobFailures.timedOut());
        });
        assertThat(failed.getException()).isNull();
        assertThat(failed.getMessage().getHeader("CamelMongoDbRecordsMatched", Long.class))
                .isEqualTo(1);
    }

    /** One job re-published a round ago and still open, one stale and never re-published, one expired with a file. */
    private static void storeStaleAndExpiredJobs(MongoDatabase database) {
        Date anHourAgo = new Date(System.currentTimeMillis() - 3_600_000);
        Date eightDaysAgo =
                new Date(System.currentTimeMillis() - Duration.ofDays(8).toMillis());
        database.getCollection("jobs")
                .insertMany(List.of(
                        job(anHourAgo).append("swept_at", anHourAgo),
                        job(anHourAgo),
                        job(eightDaysAgo).append("status", "COMPLETE")));
        GridFSBuckets.create(database, "word_counts")
                .uploadFromStream(
                        "expired.json",
                        new ByteArrayInputStream("{\"cat\": 1}".getBytes(StandardCharsets.UTF_8)),
                        new GridFSUploadOptions()
                                .metadata(
                                        new Document("job_id", new ObjectId()).append("job_created_at", eightDaysAgo)));
    }

    private static Document job(Date createdAt) {
        return new Document("_id", new ObjectId())
                .append("url", "http://x.test/")
                .append("status", "IN_PROGRESS")
                .append("created_at", createdAt)
                .append("updated_at", createdAt);
    }
}
