package dev.tally.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retention against a MongoDB wire server over TCP: old jobs and old word count files go, their chunks too. */
class ExpiredJobsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration KEEP = Duration.ofDays(7);
    private static final Instant EXPIRED = NOW.minus(KEEP).minusSeconds(1);
    private static final Instant RECENT = NOW.minus(KEEP).plusSeconds(1);

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private GridFSBucket wordCounts;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("retention");
        wordCounts = GridFSBuckets.create(database, "word_counts");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void removesOldJobsAndTheWordCountFilesOfJobsCreatedBeforeTheCutoffOrphansIncluded() throws Exception {
        ObjectId inline = job(EXPIRED, null);
        ObjectId oldFileJob = new ObjectId();
        ObjectId oldFile = upload(oldFileJob, EXPIRED);
        job(oldFileJob, EXPIRED, oldFile);
        ObjectId orphan = upload(new ObjectId(), EXPIRED); // its worker died before updating the job
        ObjectId recentJob = new ObjectId();
        ObjectId recentFile = upload(recentJob, RECENT);
        job(recentJob, RECENT, recentFile);
        ObjectId recentInline = job(RECENT, null);

        ExpiredJobs.Removed removed = retention().remove();

        assertThat(removed).isEqualTo(new ExpiredJobs.Removed(2, 2));
        assertThat(ids(database.getCollection("jobs"), "_id"))
                .doesNotContain(inline, oldFileJob)
                .containsExactlyInAnyOrder(recentJob, recentInline);
        assertThat(ids(database.getCollection("word_counts.files"), "_id"))
                .doesNotContain(oldFile, orphan)
                .containsExactly(recentFile);
        assertThat(ids(database.getCollection("word_counts.chunks"), "files_id"))
                .as("the removed files' chunks are gone, the recent file's all there")
                .containsOnly(recentFile)
                .hasSize(3);
        assertThat(new String(wordCounts.openDownloadStream(recentFile).readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(WORD_COUNT_JSON);
        assertThat(retention().remove()).as("nothing left to remove").isEqualTo(new ExpiredJobs.Removed(0, 0));
        assertThat(new ExpiredJobs.Removed(0, 0).any()).isFalse();
        assertThat(new ExpiredJobs.Removed(0, 1).any()).isTrue();
    }

    private static final String WORD_COUNT_JSON = "{\"the\": 4, \"cat\": 1, \"sat\": 1}";

    private ExpiredJobs retention() {
        return new ExpiredJobs(database, KEEP, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A COMPLETE job with its word count inline (null file) or in a GridFS file. */
    private ObjectId job(Instant createdAt, ObjectId file) {
        ObjectId id = new ObjectId();
        job(id, createdAt, file);
        return id;
    }

    private void job(ObjectId id, Instant createdAt, ObjectId file) {
        Document job = new Document("_id", id)
                .append("url", "http://x.test/")
                .append("status", "COMPLETE")
                .append("created_at", Date.from(createdAt))
                .append("updated_at", Date.from(createdAt))
                .append("total_words", 6)
                .append("distinct_words", 3);
        if (file == null) {
            job.append("word_count", new Document("the", 4).append("cat", 1).append("sat", 1));
        } else {
            job.append("word_count_file", file);
        }
        database.getCollection("jobs").insertOne(job);
    }

    /** A word count file in three chunks. */
    private ObjectId upload(ObjectId jobId, Instant jobCreatedAt) {
        byte[] json = WORD_COUNT_JSON.getBytes(StandardCharsets.UTF_8);
        GridFSUploadOptions options = new GridFSUploadOptions()
                .chunkSizeBytes((json.length + 2) / 3)
                .metadata(new Document("job_id", jobId).append("job_created_at", Date.from(jobCreatedAt)));
        return wordCounts.uploadFromStream(jobId.toHexString() + ".json", new ByteArrayInputStream(json), options);
    }

    private static List<ObjectId> ids(MongoCollection<Document> collection, String field) {
        return collection.find().map(document -> document.getObjectId(field)).into(new ArrayList<>());
    }
}
