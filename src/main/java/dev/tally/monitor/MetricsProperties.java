package dev.tally.monitor;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Tally's own metrics (tally.metrics.*).
 *
 * @param queueDepthMaxAgeMs tally_queue_messages and tally_queue_consumers are read from RabbitMQ at most this
 *     often, in milliseconds.
 */
@Validated
@ConfigurationProperties("tally.metrics")
public record MetricsProperties(@NotNull @Min(0) Long queueDepthMaxAgeMs) implements TallySettings {}
