package dev.tally.web;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Job submissions per client IP, a token bucket each; 429 beyond (tally.api.rate-limit.*).
 *
 * @param perSecond Job submissions per second and client IP; 0 switches the limit off.
 * @param burst Job submissions a client may save up and send at once.
 */
@Validated
@ConfigurationProperties("tally.api.rate-limit")
public record RateLimitProperties(
        @NotNull @DecimalMin("0") Double perSecond,
        @NotNull @DecimalMin("1") Double burst) implements TallySettings {}
