package dev.tally.sweep;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Result retention: jobs created longer ago than the retention period are removed. A timer route rather than a
 * TTL index, so it behaves the same on MongoDB and on the embedded wire server.
 */
@Component("expiredJobs")
public class ExpiredJobs {

    private final MongoCollection<Document> jobs;
    private final Duration retention;

    public ExpiredJobs(MongoCollection<Document> jobsCollection, @Value("${tally.retention.keep-days}") long keepDays) {
        this.jobs = jobsCollection;
        this.retention = Duration.ofDays(keepDays);
    }

    public long remove() {
        Date cutoff = new Date(System.currentTimeMillis() - retention.toMillis());
        return jobs.deleteMany(Filters.lt("created_at", cutoff)).getDeletedCount();
    }
}
