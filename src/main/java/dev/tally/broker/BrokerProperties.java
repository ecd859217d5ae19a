package dev.tally.broker;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.Range;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded broker, started when no external RabbitMQ is configured (tally.broker.*).
 *
 * @param embeddedPort Port of the embedded broker; never 5672, where an external RabbitMQ may listen.
 */
@Validated
@ConfigurationProperties("tally.broker")
public record BrokerProperties(
        @NotNull @Range(min = 1, max = 65535) Integer embeddedPort) implements TallySettings {}
