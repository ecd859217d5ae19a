package dev.tally.result;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.Range;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where a job's word counts are stored (tally.results.*).
 *
 * @param inlineMaxBytes A histogram whose BSON is larger goes to GridFS (bucket word_counts) instead of the job's
 *     word_count; at most 12 MiB, to leave room in MongoDB's 16 MB document for the rest of the job.
 */
@Validated
@ConfigurationProperties("tally.results")
public record ResultsProperties(
        @NotNull
        @Range(min = 0, max = JobResults.MAX_INLINE_BYTES, message = "must be between {min} and {max} (12 MiB)")
        Long inlineMaxBytes)
        implements TallySettings {}
