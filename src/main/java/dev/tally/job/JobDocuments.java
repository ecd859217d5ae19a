package dev.tally.job;

import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/** Builds the MongoDB documents, filters and updates the routes send to the {@code jobs} collection. */
@Component("jobDocuments")
public class JobDocuments {

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

    /** The routes' one "no such job" test: findById found nothing. */
    public boolean isMissing(Document job) {
        return job == null;
    }

    public String statusOf(Document job) {
        return job.getString("status");
    }

    /** Filter and update that FAILs the job with the error its user reads, only while it is IN_PROGRESS. */
    public List<Bson> failUpdate(String jobId, JobFailure failure) {
        Document set = new Document("status", JobStatus.FAIL.name())
                .append("error", failure.error())
                .append("updated_at", new Date());
        return List.of(stillOpen(jobId), new Document("$set", set));
    }

    /** The filter of every change that finishes a job: it applies only while the job is IN_PROGRESS. */
    public static Document stillOpen(String jobId) {
        return new Document("_id", new ObjectId(jobId)).append("status", JobStatus.IN_PROGRESS.name());
    }
}
