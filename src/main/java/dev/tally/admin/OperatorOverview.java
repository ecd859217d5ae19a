package dev.tally.admin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.tally.job.JobStatus;
import dev.tally.monitor.QueueDepths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * What {@code GET /admin/overview} answers: the depth and consumers of the jobs and dead-letter queues, read from
 * the broker now, and how many jobs are in each status. One count per status rather than a grouping over the
 * collection: on MongoDB each is a count over the index {status: 1, created_at: -1, _id: -1}, not a scan.
 */
@Component("operatorOverview")
public class OperatorOverview {

    private final QueueDepths queues;
    private final MongoCollection<Document> jobs;

    OperatorOverview(QueueDepths queues, MongoCollection<Document> jobsCollection) {
        this.queues = queues;
        this.jobs = jobsCollection;
    }

    public Map<String, Object> read() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (JobStatus status : JobStatus.values()) {
            byStatus.put(status.name(), jobs.countDocuments(Filters.eq("status", status.name())));
        }
        Map<String, Object> overview = new LinkedHashMap<>();
        overview.put("queues", queues.now());
        overview.put("jobs", byStatus);
        return overview;
    }
}
