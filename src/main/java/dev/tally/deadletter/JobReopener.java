package dev.tally.deadletter;

import com.mongodb.client.MongoCollection;
import dev.tally.job.JobMessages;
import dev.tally.job.JobStatus;
import dev.tally.job.PoisonMessageException;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/** A replayed job that had been FAILed goes back to IN_PROGRESS, so the worker's conditional update applies. */
@Component
class JobReopener {

    private final JobMessages messages;
    private final MongoCollection<Document> jobs;

    JobReopener(JobMessages messages, MongoCollection<Document> jobsCollection) {
        this.messages = messages;
        this.jobs = jobsCollection;
    }

    void reopen(byte[] message) {
        ObjectId jobId;
        try {
            jobId = messages.jobFrom(message).getObjectId("_id");
        } catch (PoisonMessageException e) {
            return; // still poison: the worker will dead-letter it again, with its reason
        }
        jobs.updateOne(
                new Document("_id", jobId).append("status", JobStatus.FAIL.name()),
                new Document(
                                "$set",
                                new Document("status", JobStatus.IN_PROGRESS.name()).append("updated_at", new Date()))
                        .append("$unset", new Document("error", "")));
    }
}
