package dev.tally.store;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.Range;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded MongoDB wire server, started when tally.mongodb.uri is empty (tally.mongodb.embedded.*).
 *
 * @param dataDir Where the embedded MongoDB and the embedded broker keep their files.
 * @param port Port of the embedded MongoDB wire server on loopback; 0 picks a free one.
 */
@Validated
@ConfigurationProperties("tally.mongodb.embedded")
public record EmbeddedMongoProperties(
        @NotBlank String dataDir,
        @NotNull @Range(min = 0, max = 65535) Integer port) implements TallySettings {}
