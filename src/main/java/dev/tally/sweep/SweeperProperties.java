package dev.tally.sweep;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The stale-job sweeper (tally.sweeper.*); the sweeper route reads enabled and interval-ms.
 *
 * @param enabled Whether the stale-job sweeper timer runs.
 * @param staleAfterMs A job IN_PROGRESS this long is re-published once, then FAILed "timed out" a round later.
 * @param intervalMs How often the sweeper runs, in milliseconds.
 * @param batch Stale jobs re-published per round at most.
 */
@Validated
@ConfigurationProperties("tally.sweeper")
public record SweeperProperties(
        @NotNull Boolean enabled,
        @NotNull @Min(1) Long staleAfterMs,
        @NotNull @Min(1) Long intervalMs,
        @NotNull @Min(1) Integer batch)
        implements TallySettings {}
