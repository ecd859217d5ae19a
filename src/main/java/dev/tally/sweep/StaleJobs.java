package dev.tally.sweep;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.tally.job.JobStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Finds jobs stuck IN_PROGRESS (their message lost, or a worker died holding it), for the sweeper route to
 * re-publish each once, then to FAIL it "timed out" if it is still stuck a round later. Every change is a conditional
 * update on one document, so several processes sweeping at once never re-publish the same job twice or undo each
 * other.
 */
@Component("staleJobs")
public class StaleJobs {

    static final String SWEPT_AT = "swept_at";

    private final MongoCollection<Document> jobs;
    private final long staleAfterMs;
    private final long roundMs;
    private final int batch;
    private final Clock clock;

    @Autowired
    public StaleJobs(MongoCollection<Document> jobsCollection, SweeperProperties sweeper) {
        this(jobsCollection, sweeper.staleAfterMs(), sweeper.intervalMs(), sweeper.batch(), Clock.systemUTC());
    }

    StaleJobs(MongoCollection<Document> jobs, long staleAfterMs, long roundMs, int batch, Clock clock) {
        this.jobs = jobs;
        this.staleAfterMs = staleAfterMs;
        this.roundMs = roundMs;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * Claims up to a batch of stale jobs not yet re-published, each as what its message needs ({@code _id},
     * {@code url}, {@code created_at}); each job is claimed by exactly one caller.
     */
    public List<Document> claimForRepublish() {
        Date now = new Date(clock.millis());
        Date cutoff = new Date(now.getTime() - staleAfterMs);
        Bson stale = inProgressCreatedBefore(cutoff)
                .append("updated_at", new Document("$lt", cutoff))
                .append(SWEPT_AT, new Document("$exists", false));
        FindOneAndUpdateOptions messageFields =
                new FindOneAndUpdateOptions().projection(Projections.include("url", "created_at"));
        List<Document> claimed = new ArrayList<>();
        for (Document job;
                claimed.size() < batch
                        && (job = jobs.findOneAndUpdate(stale, Updates.set(SWEPT_AT, now), messageFields)) != null; ) {
            claimed.add(job);
        }
        return claimed;
    }

    /**
     * Up to a batch of the jobs re-published at least a round ago that are still IN_PROGRESS: the sweeper route FAILs
     * each "timed out" through the FAIL route, whose update applies only while the job is still IN_PROGRESS (a worker
     * may finish one meanwhile).
     */
    public List<String> overdue() {
        Date lastRound = new Date(clock.millis() - roundMs);
        // claimed a round ago, so stale then: created before that round's cutoff
        Bson republishedEarlier = inProgressCreatedBefore(new Date(lastRound.getTime() - staleAfterMs))
                .append(SWEPT_AT, new Document("$lt", lastRound));
        return jobs.find(republishedEarlier)
                .projection(Projections.include("_id"))
                .limit(batch)
                .map(job -> job.getObjectId("_id").toHexString())
                .into(new ArrayList<>());
    }

    /**
     * IN_PROGRESS and created before the cutoff (a job is created no later than its last update): MongoDB answers
     * it from the {status, created_at} index (dev.tally.store.JobIndexes). One flat document, not Filters.and
     * (sent as an $and list): the embedded store answers it from the open jobs created before the cutoff alone
     * (dev.tally.store.InProgressPositions).
     */
    private static Document inProgressCreatedBefore(Date cutoff) {
        return new Document("status", JobStatus.IN_PROGRESS.name()).append("created_at", new Document("$lt", cutoff));
    }
}
