package dev.tally.health;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The public /health answer (tally.health.*).
 *
 * @param deadlineMs Per-probe deadline of /health, in milliseconds.
 */
@Validated
@ConfigurationProperties("tally.health")
public record HealthProperties(@NotNull @Min(1) Long deadlineMs) implements TallySettings {}
