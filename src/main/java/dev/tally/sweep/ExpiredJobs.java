package dev.tally.sweep;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.tally.result.WordCountFiles;
import dev.tally.store.MongoDbProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Result retention: jobs created longer ago than the retention period are removed, and so are the word count files
 * (GridFS bucket {@code word_counts}) of jobs created before then, orphans included (a worker that died between
 * its upload and its job update). A timer route rather than a TTL index, so it behaves the same on MongoDB and on
 * the embedded wire server. Safe in several processes at once: each removal is counted by the one that made it.
 */
@Component("expiredJobs")
public class ExpiredJobs {

    static final String FILES = WordCountFiles.FILES;
    static final String CHUNKS = WordCountFiles.CHUNKS;
    static final String JOB_CREATED_AT = WordCountFiles.JOB_CREATED_AT;

    /** What one round removed. */
    public record Removed(long jobs, long files) {

        public boolean any() {
            return jobs > 0 || files > 0;
        }
    }

    private final MongoCollection<Document> jobs;
    private final MongoCollection<BsonDocument> files;
    private final MongoCollection<BsonDocument> chunks;
    private final Duration retention;
    private final Clock clock;

    @Autowired
    public ExpiredJobs(MongoClient tallyMongo, MongoDbProperties mongodb, RetentionProperties retention) {
        this(tallyMongo.getDatabase(mongodb.database()), Duration.ofDays(retention.keepDays()), Clock.systemUTC());
    }

    ExpiredJobs(MongoDatabase database, Duration retention, Clock clock) {
        this.jobs = database.getCollection("jobs");
        this.files = database.getCollection(FILES, BsonDocument.class);
        this.chunks = database.getCollection(CHUNKS, BsonDocument.class);
        this.retention = retention;
        this.clock = clock;
    }

    public Removed remove() {
        Date cutoff = new Date(clock.millis() - retention.toMillis());
        // jobs first: a job never points at a file already removed
        long removedJobs = jobs.deleteMany(Filters.lt("created_at", cutoff)).getDeletedCount();
        long removedFiles = 0;
        for (BsonDocument file :
                files.find(Filters.lt(JOB_CREATED_AT, cutoff)).projection(Projections.include("_id"))) {
            if (removeFile(file.get("_id"))) {
                removedFiles++;
            }
        }
        return new Removed(removedJobs, removedFiles);
    }

    /**
     * Chunks before the file document, the reverse of GridFSBucket.delete: if this stops in between, the file is
     * still found by its date in the next round, where GridFSBucket.delete would leave chunks no query finds.
     */
    private boolean removeFile(BsonValue id) {
        chunks.deleteMany(Filters.eq("files_id", id));
        return files.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }
}
