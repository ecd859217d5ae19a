package dev.tally.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Graceful shutdown (tally.shutdown.*). application.yaml hands the timeout to Spring's lifecycle, Camel and the
 * RabbitMQ consumers; declared here so that it is documented and checked at start-up.
 *
 * @param timeoutSeconds On SIGTERM, in-flight requests and jobs get this long; unfinished messages return to the
 *     queue.
 */
@Validated
@ConfigurationProperties("tally.shutdown")
public record ShutdownProperties(@NotNull @Min(1) Integer timeoutSeconds) implements TallySettings {}
