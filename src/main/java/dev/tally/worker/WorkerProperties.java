package dev.tally.worker;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The worker's RabbitMQ consumers (tally.worker.*), read by the worker route (worker.camel.yaml). Declared here so
 * that they are documented and checked at start-up.
 *
 * @param concurrency Consumers per worker process, each on its own thread.
 * @param prefetch Unacknowledged messages per consumer.
 * @param readAheadAfterChars Past this many chars of a document's text, its reading goes on in a thread of its own
 *     while the consumer's thread counts; 0: never.
 */
@Validated
@ConfigurationProperties("tally.worker")
public record WorkerProperties(
        @NotNull @Min(1) Integer concurrency,
        @NotNull @Min(1) Integer prefetch,
        @NotNull @Min(0) Long readAheadAfterChars)
        implements TallySettings {}
