package dev.tally.monitor;

import dev.tally.count.WordHistogram;
import dev.tally.fetch.FetchedDocument;
import dev.tally.job.JobFailure;
import dev.tally.job.JobFailures;
import dev.tally.job.JobStatus;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The metrics and the job log line of each job state change, called by the route step that makes the change: the
 * API's accepted job, the worker's COMPLETE, the FAIL route, the dead-letter route.
 */
@Component("jobOutcomes")
public class JobOutcomes {

    private final JobMetrics metrics;

    public JobOutcomes(JobMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * The job is stored and its message confirmed: answered 202. Bound by annotation, not by {@code ${...}}
     * arguments in the route: those are parsed and evaluated on every call (bench/limits.md).
     */
    public void accepted(@ExchangeProperty("jobId") String jobId, Exchange exchange) {
        metrics.accepted();
        JobStateLog.changed(jobId, JobStatus.IN_PROGRESS.name(), JobFailures.elapsed(exchange), null, null, null);
    }

    /** The worker stored the job's word count. Bound by annotation, as {@link #accepted}. */
    public void completed(
            @ExchangeProperty("jobId") String jobId,
            @ExchangeProperty("document") FetchedDocument document,
            @ExchangeProperty("histogram") WordHistogram histogram,
            Exchange exchange) {
        Duration took = JobFailures.elapsed(exchange);
        long bytes = document.bytesRead();
        long words = histogram.totalWords();
        metrics.completed(took, bytes, words);
        JobStateLog.changed(jobId, JobStatus.COMPLETE.name(), took, bytes < 0 ? null : bytes, words, null);
    }

    /** The FAIL route changed the job to FAIL. */
    public void failed(String jobId, JobFailure failure) {
        metrics.failed(failure.reason(), failure.workerTime());
        JobStateLog.changed(jobId, JobStatus.FAIL.name(), failure.workerTime(), null, null, failure.detail());
    }

    /** A message went to the dead-letter queue. */
    public void deadLettered() {
        metrics.deadLettered();
    }
}
