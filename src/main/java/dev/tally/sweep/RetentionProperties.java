package dev.tally.sweep;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.Range;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Result retention (tally.retention.*); the retention route reads enabled and interval-ms.
 *
 * @param enabled Whether the retention timer runs.
 * @param keepDays Jobs created longer ago are removed with their GridFS files.
 * @param intervalMs How often expired jobs are looked for, in milliseconds.
 */
@Validated
@ConfigurationProperties("tally.retention")
public record RetentionProperties(
        @NotNull Boolean enabled,
        // the upper bound keeps the retention period in milliseconds far from overflowing a long
        @NotNull @Range(min = 1, max = 36_500, message = "must be between {min} and {max} (100 years)")
        Long keepDays,

        @NotNull @Min(1) Long intervalMs)
        implements TallySettings {}
