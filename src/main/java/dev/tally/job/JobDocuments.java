package dev.tally.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.count.WordHistogram;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/** Builds the MongoDB documents, filters and updates the routes send to the {@code jobs} collection. */
@Component("jobDocuments")
public class JobDocuments {

    /**
     * The word count is stored as its JSON text in UTF-8, as binary, not as a sub-document of a field per word:
     * the store (mongo-java-server on H2) read, rebuilt and Java-serialized a map of thousands of entries on
     * every write and read of a finished job, its slowest work by far. Not as a string either: the store
     * Java-serializes every document it reads from disk, the sweeper's queries read every job, and decoding long
     * strings was then half of the store's CPU in a drain (bench/limits.md); bytes are copied. The API answers
     * it verbatim ({@link JobView}). Jobs stored as a string or as sub-documents before still read back.
     */
    static final String WORD_COUNT = "word_count";

    private static final ObjectMapper JSON = new ObjectMapper();

    static Binary wordCountJson(WordHistogram histogram) {
        try {
            return new Binary(JSON.writeValueAsBytes(histogram.counts()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a word count of strings and numbers always renders", e);
        }
    }

    public Document newJob(String url) {
        Date now = new Date();
        return new Document("_id", new ObjectId())
                .append("url", url)
                .append("status", JobStatus.IN_PROGRESS.name())
                .append("created_at", now)
                .append("updated_at", now);
    }

    public ObjectId objectId(String jobId) {
        return new ObjectId(jobId);
    }

    public String idOf(Document job) {
        return job.getObjectId("_id").toHexString();
    }

    /** For the routes' "no such job" branch: findById found nothing. */
    public boolean isMissing(Document job) {
        return job == null;
    }

    public String statusOf(Document job) {
        return job.getString("status");
    }

    /** Filter and update for the camel-mongodb update operation: completes the job only while it is IN_PROGRESS. */
    public List<Bson> completeUpdate(String jobId, WordHistogram histogram) {
        Document set = new Document("status", JobStatus.COMPLETE.name())
                .append(WORD_COUNT, wordCountJson(histogram))
                .append("total_words", histogram.totalWords())
                .append("distinct_words", histogram.distinctWords())
                .append("updated_at", new Date());
        return List.of(inProgress(jobId), new Document("$set", set));
    }

    /** Filter and update that fails the job with a reason a person understands, only while it is IN_PROGRESS. */
    public List<Bson> failUpdate(String jobId, String reason) {
        Document set = new Document("status", JobStatus.FAIL.name())
                .append("error", reason == null || reason.isBlank() ? "unknown error" : reason)
                .append("updated_at", new Date());
        return List.of(inProgress(jobId), new Document("$set", set));
    }

    private static Document inProgress(String jobId) {
        return new Document("_id", new ObjectId(jobId)).append("status", JobStatus.IN_PROGRESS.name());
    }
}
