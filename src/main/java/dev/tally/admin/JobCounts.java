package dev.tally.admin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.tally.job.JobStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * Jobs by status, counted at most once per max age however many consoles ask. On MongoDB each status is one count
 * over the index {status: 1, created_at: -1, _id: -1}; the embedded wire server keeps no such index and reads
 * every COMPLETE and FAIL job under the collection's lock, which is what the max age bounds.
 */
final class JobCounts {

    /** The counts, in status order, and when they were taken. */
    record Counted(Map<String, Long> byStatus, Instant at) {}

    private final MongoCollection<Document> jobs;
    private final long maxAgeMs;
    private final Clock clock;
    private Counted last;

    JobCounts(MongoCollection<Document> jobs, long maxAgeMs, Clock clock) {
        this.jobs = jobs;
        this.maxAgeMs = maxAgeMs;
        this.clock = clock;
    }

    synchronized Counted current() {
        Instant now = clock.instant();
        if (last == null || now.toEpochMilli() - last.at().toEpochMilli() >= maxAgeMs) {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (JobStatus status : JobStatus.values()) {
                byStatus.put(status.name(), jobs.countDocuments(Filters.eq("status", status.name())));
            }
            last = new Counted(byStatus, now);
        }
        return last;
    }
}
