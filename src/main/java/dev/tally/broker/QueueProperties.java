package dev.tally.broker;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The durable queues (tally.queue, tally.dead-letter-queue), also read by the routes.
 *
 * @param queue The durable queue of jobs to count.
 * @param deadLetterQueue The durable queue of messages no worker could handle.
 */
@Validated
@ConfigurationProperties("tally")
public record QueueProperties(
        @NotBlank String queue, @NotBlank String deadLetterQueue) implements TallySettings {}
