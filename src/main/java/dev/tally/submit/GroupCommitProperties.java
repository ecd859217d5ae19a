package dev.tally.submit;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.Range;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Group commit of submissions (tally.group-commit.*): concurrent POSTs share one insertMany and one round of
 * publisher confirms.
 *
 * @param maxJobs A batch closes at this many jobs.
 * @param maxWaitMicros A batch that found other jobs waiting closes this long after its first job, in microseconds;
 *     a job that arrives alone is committed at once. 0 = never wait: a batch is what waited meanwhile.
 * @param committers Batches committed at once (one can insert while another waits for its confirms).
 */
@Validated
@ConfigurationProperties("tally.group-commit")
public record GroupCommitProperties(
        @NotNull @Range(min = 1, max = 1000) Integer maxJobs,
        @NotNull @Range(min = 0, max = 1_000_000) Long maxWaitMicros,
        @NotNull @Min(1) @Range(max = 64) Integer committers)
        implements TallySettings {}
