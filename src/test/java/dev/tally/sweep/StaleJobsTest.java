package dev.tally.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tally.job.JobDocuments;
import dev.tally.job.JobFailures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sweeper's queries against a MongoDB wire server over TCP, with a fixed clock. Jobs are created when last updated. */
class StaleJobsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final long STALE_AFTER = 60_000;
    private static final long ROUND = 10_000;

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> jobs;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        jobs = client.getDatabase("sweep").getCollection("jobs");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void claimsEachStaleJobExactlyOnceWhenSweepersRace() {
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            stale.add(insert("IN_PROGRESS", NOW.minusSeconds(3600), null));
        }
        insert("IN_PROGRESS", NOW.minusSeconds(5), null);
        insert("COMPLETE", NOW.minusSeconds(3600), null);

        CompletableFuture<List<String>> first =
                CompletableFuture.supplyAsync(() -> ids(sweeper(NOW).claimForRepublish()));
        CompletableFuture<List<String>> second =
                CompletableFuture.supplyAsync(() -> ids(sweeper(NOW).claimForRepublish()));
        List<String> a = first.join();
        List<String> b = second.join();

        Set<String> overlap = new HashSet<>(a);
        overlap.retainAll(b);
        assertThat(overlap).isEmpty();
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        assertThat(all).containsExactlyInAnyOrderElementsOf(stale);
        assertThat(sweeper(NOW).claimForRepublish()).as("already claimed").isEmpty();
    }

    @Test
    void claimsByCreationTimeToTheMillisecond() {
        Instant now = NOW.plusMillis(500);
        Instant cutoff = now.minusMillis(STALE_AFTER);
        String justStale = insert("IN_PROGRESS", cutoff.minusMillis(1), null);
        insert("IN_PROGRESS", cutoff.plusMillis(1), null);

        assertThat(ids(sweeper(now).claimForRepublish())).containsExactly(justStale);
    }

    @Test
    void claimsEachJobWithWhatItsMessageCarries() {
        Instant createdAt = NOW.minusSeconds(3600);
        String stale = insert("IN_PROGRESS", createdAt, null);

        assertThat(sweeper(NOW).claimForRepublish())
                .containsExactly(new Document("_id", new ObjectId(stale))
                        .append("url", "http://x.test/")
                        .append("created_at", Date.from(createdAt)));
    }

    @Test
    void findsOnlyJobsRepublishedAtLeastARoundAgoAndStillInProgress() {
        String overdue = insert("IN_PROGRESS", NOW.minusSeconds(3600), NOW.minusMillis(ROUND + 1));
        insert("IN_PROGRESS", NOW.minusSeconds(3600), NOW.minusMillis(ROUND - 1000));
        insert("COMPLETE", NOW.minusSeconds(3600), NOW.minusMillis(ROUND + 1));

        assertThat(sweeper(NOW).overdue()).containsExactly(overdue);
    }

    /** What the FAIL route writes for each overdue job: a worker that finished one meanwhile keeps its outcome. */
    @Test
    void theTimedOutFailChangesOnlyAJobStillInProgress() {
        String overdue = insert("IN_PROGRESS", NOW.minusSeconds(3600), NOW.minusMillis(ROUND + 1));
        String finishedMeanwhile = insert("IN_PROGRESS", NOW.minusSeconds(3600), NOW.minusMillis(ROUND + 1));
        List<String> found = sweeper(NOW).overdue();
        jobs.updateOne(new Document("_id", new ObjectId(finishedMeanwhile)), Updates.set("status", "COMPLETE"));

        List<Long> changed = found.stream().map(this::failTimedOut).toList();

        assertThat(changed).containsExactly(1L, 0L);
        assertThat(job(overdue).getString("status")).isEqualTo("FAIL");
        assertThat(job(overdue).getString("error")).isEqualTo("timed out");
        assertThat(job(finishedMeanwhile).getString("status")).isEqualTo("COMPLETE");
        assertThat(job(finishedMeanwhile).getString("error")).isNull();
        assertThat(sweeper(NOW).overdue()).as("none left").isEmpty();
    }

    private long failTimedOut(String jobId) {
        List<Bson> update = new JobDocuments().failUpdate(jobId, new JobFailures().timedOut());
        return jobs.updateOne(update.get(0), update.get(1)).getMatchedCount();
    }

    private static List<String> ids(List<Document> claimed) {
        return claimed.stream().map(job -> job.getObjectId("_id").toHexString()).toList();
    }

    private StaleJobs sweeper(Instant now) {
        return new StaleJobs(jobs, STALE_AFTER, ROUND, 1000, Clock.fixed(now, ZoneOffset.UTC));
    }

    private String insert(String status, Instant updatedAt, Instant sweptAt) {
        // an id from after every cutoff: the sweeper must go by created_at, not by the time in the id
        ObjectId id = new ObjectId(Date.from(NOW.plusSeconds(3600)));
        Document job = new Document("_id", id)
                .append("url", "http://x.test/")
                .append("status", status)
                .append("created_at", Date.from(updatedAt))
                .append("updated_at", Date.from(updatedAt));
        if (sweptAt != null) {
            job.append(StaleJobs.SWEPT_AT, Date.from(sweptAt));
        }
        jobs.insertOne(job);
        return id.toHexString();
    }

    private Document job(String id) {
        return jobs.find(new Document("_id", new ObjectId(id))).first();
    }
}
