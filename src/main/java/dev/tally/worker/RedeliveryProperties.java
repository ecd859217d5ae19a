package dev.tally.worker;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Retries of a job's transient failure (tally.redelivery.*), read by the worker's error handler
 * (errors.camel.yaml). Declared here so that they are documented and checked at start-up.
 *
 * @param maxAttempts Retries of a transient failure before the job is FAILed.
 * @param initialDelayMs Delay before the first retry, in milliseconds.
 * @param multiplier Each further retry waits this many times longer than the one before.
 * @param maxDelayMs Longest delay between two retries, in milliseconds.
 */
@Validated
@ConfigurationProperties("tally.redelivery")
public record RedeliveryProperties(
        @NotNull @Min(0) Integer maxAttempts,
        @NotNull @Min(0) Long initialDelayMs,
        @NotNull @DecimalMin("1") Double multiplier,
        @NotNull @Min(0) Long maxDelayMs)
        implements TallySettings {}
