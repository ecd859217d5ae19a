package dev.tally.admin;

import com.mongodb.client.MongoCollection;
import dev.tally.monitor.QueueDepths;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * What {@code GET /admin/overview} answers: the depth and consumers of the jobs and dead-letter queues, read from
 * the broker now, and how many jobs are in each status, counted at most every
 * {@code tally.admin.overview.job-counts-max-age-ms}.
 */
@Component("operatorOverview")
public class OperatorOverview {

    private final QueueDepths queues;
    private final JobCounts jobs;

    OperatorOverview(QueueDepths queues, MongoCollection<Document> jobsCollection, OverviewProperties properties) {
        this.queues = queues;
        this.jobs = new JobCounts(jobsCollection, properties.jobCountsMaxAgeMs(), Clock.systemUTC());
    }

    public Map<String, Object> read() {
        JobCounts.Counted counted = jobs.current();
        Map<String, Object> overview = new LinkedHashMap<>();
        overview.put("queues", queues.now());
        overview.put("jobs", counted.byStatus());
        overview.put("jobs_counted_at", counted.at().toString());
        return overview;
    }
}
