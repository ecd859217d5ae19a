package dev.tally.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.tally.result.WordCountFiles;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates, in every role, the indexes behind every query Tally makes. Off the startup thread, retried until
 * MongoDB answers: Tally starts before MongoDB in compose, and a MongoDB that accepts connections but never
 * answers must not hold startup either. Creating an index that exists with the same name and keys changes
 * nothing, so every process does it on every start.
 */
@Component
class JobIndexes implements AutoCloseable {

    static final String JOBS = "jobs";
    static final String WORD_COUNT_FILES = WordCountFiles.FILES;
    static final String WORD_COUNT_CHUNKS = WordCountFiles.CHUNKS;

    /**
     * Named as MongoDB names an index it is not given a name for: another process or an operator creating the
     * same keys unnamed then finds this index instead of failing on a second name (IndexOptionsConflict).
     */
    static final List<JobIndex> ALL = List.of(
            // the sweeper ({status: IN_PROGRESS, created_at: {$lt}}), the listing by status, the overview's counts
            new JobIndex(
                    JOBS,
                    "status_1_created_at_-1__id_-1",
                    Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("created_at", "_id")),
                    false),
            // the listing (newest first, cursor on created_at then _id) and retention ({created_at: {$lt}})
            new JobIndex(JOBS, "created_at_-1__id_-1", Indexes.descending("created_at", "_id"), false),
            // retention of the word count files, orphans included
            new JobIndex(
                    WORD_COUNT_FILES,
                    WordCountFiles.JOB_CREATED_AT + "_1",
                    Indexes.ascending(WordCountFiles.JOB_CREATED_AT),
                    false),
            // GridFS's own: the driver checks for them before a bucket's first upload and creates them if missing
            new JobIndex(
                    WORD_COUNT_FILES, "filename_1_uploadDate_1", Indexes.ascending("filename", "uploadDate"), false),
            new JobIndex(WORD_COUNT_CHUNKS, "files_id_1_n_1", Indexes.ascending("files_id", "n"), true));

    record JobIndex(String collection, String name, Bson keys, boolean unique) {}

    private static final Logger LOG = LoggerFactory.getLogger(JobIndexes.class);

    private final MongoDatabase database;
    private final long retryMs;
    private final CompletableFuture<Void> created = new CompletableFuture<>();
    private final ScheduledExecutorService attempts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mongodb-indexes");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    JobIndexes(MongoClient tallyMongo, MongoDbProperties mongodb) {
        this(tallyMongo.getDatabase(mongodb.database()), mongodb.indexRetryMs());
    }

    JobIndexes(MongoDatabase database, long retryMs) {
        this.database = database;
        this.retryMs = retryMs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        attempts.execute(this::attempt);
    }

    /** Completes once every index exists. */
    CompletableFuture<Void> created() {
        return created;
    }

    static void createAll(MongoDatabase database) {
        for (JobIndex index : ALL) {
            database.getCollection(index.collection())
                    .createIndex(
                            index.keys(), new IndexOptions().name(index.name()).unique(index.unique()));
        }
    }

    private void attempt() {
        try {
            createAll(database);
            LOG.info("MongoDB indexes in place: {} on {}", ALL.size(), database.getName());
            created.complete(null);
        } catch (RuntimeException e) {
            LOG.warn("MongoDB indexes not created yet, trying again in {} ms: {}", retryMs, e.getMessage());
            try {
                attempts.schedule(this::attempt, retryMs, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                LOG.debug("shutting down: no further attempt");
            }
        }
    }

    @Override
    public void close() {
        attempts.shutdownNow();
    }
}
