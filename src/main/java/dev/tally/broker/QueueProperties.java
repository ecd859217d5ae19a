package dev.tally.broker;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The durable queues (tally.queue, tally.dead-letter-queue, tally.queue-type, tally.queue-delivery-limit), also read
 * by the routes.
 *
 * @param queue The durable queue of jobs to count.
 * @param deadLetterQueue The durable queue of messages no worker could handle.
 * @param queueType Type of both queues on RabbitMQ: classic, or quorum (replicated over a cluster; RabbitMQ 3.10 or
 *     later, not the embedded broker). An existing queue keeps its type: see docs/queues.md to migrate.
 * @param queueDeliveryLimit Quorum queues only: after this many deliveries of one message (a worker crashed or
 *     returned it each time) RabbitMQ moves it to the dead-letter queue.
 */
@Validated
@ConfigurationProperties("tally")
public record QueueProperties(
        @NotBlank String queue,
        @NotBlank String deadLetterQueue,

        @NotNull @Pattern(regexp = "classic|quorum", message = "must be classic or quorum")
        String queueType,

        @NotNull @Min(1) Integer queueDeliveryLimit)
        implements TallySettings {

    public boolean quorum() {
        return "quorum".equals(queueType);
    }
}
