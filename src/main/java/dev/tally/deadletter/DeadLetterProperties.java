package dev.tally.deadletter;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many dead letters GET /admin/dead-letters lists (tally.admin.dead-letters.*).
 *
 * @param defaultLimit Dead letters listed without ?limit=.
 * @param maxLimit Dead letters listed at most, whatever ?limit= asks for.
 */
@Validated
@ConfigurationProperties("tally.admin.dead-letters")
public record DeadLetterProperties(
        @NotNull @Min(1) Integer defaultLimit,
        @NotNull @Min(1) Integer maxLimit) implements TallySettings {

    @AssertTrue(message = "tally.admin.dead-letters.default-limit must not be above max-limit")
    boolean isDefaultLimitWithinMaxLimit() {
        return defaultLimit == null || maxLimit == null || defaultLimit <= maxLimit;
    }
}
