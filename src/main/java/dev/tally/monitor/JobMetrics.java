package dev.tally.monitor;

import dev.tally.job.FailureReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Tally's own meters, in Prometheus as {@code tally_jobs_accepted_total}, {@code tally_jobs_completed_total},
 * {@code tally_jobs_failed_total{reason}}, {@code tally_job_duration_seconds}, {@code tally_document_size_bytes},
 * {@code tally_tokens_counted_total} and {@code tally_dead_letters_total}.
 */
@Component
public class JobMetrics {

    private static final double KB = 1_000;

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter completed;
    private final Counter tokens;
    private final Counter deadLetters;
    private final DistributionSummary documentSize;

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("tally.jobs.accepted")
                .description("jobs accepted with 202")
                .register(registry);
        this.completed = Counter.builder("tally.jobs.completed")
                .description("jobs COMPLETE")
                .register(registry);
        this.tokens = Counter.builder("tally.tokens.counted")
                .description("words counted in completed jobs")
                .register(registry);
        this.deadLetters = Counter.builder("tally.dead.letters")
                .description("messages published to the dead-letter queue")
                .register(registry);
        this.documentSize = DistributionSummary.builder("tally.document.size")
                .baseUnit("bytes")
                .description("decoded size of counted documents")
                .serviceLevelObjectives(KB, 10 * KB, 100 * KB, 1_000 * KB, 10_000 * KB, 50_000 * KB, 100_000 * KB)
                .register(registry);
    }

    void accepted() {
        accepted.increment();
    }

    void completed(Duration took, long bytes, long words) {
        completed.increment();
        duration("COMPLETE").record(took);
        if (bytes >= 0) {
            documentSize.record(bytes);
        }
        tokens.increment(words);
    }

    void failed(FailureReason reason, Duration took) {
        Counter.builder("tally.jobs.failed")
                .description("jobs FAILed, by class of reason")
                .tag("reason", reason.tag())
                .register(registry)
                .increment();
        if (took != null) {
            duration("FAIL").record(took);
        }
    }

    void deadLettered() {
        deadLetters.increment();
    }

    /** Worker time per job: from taking the message to writing the result, retries included. */
    private Timer duration(String status) {
        return Timer.builder("tally.job.duration")
                .description("worker time per finished job, retries included")
                .tag("status", status)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
    }
}
