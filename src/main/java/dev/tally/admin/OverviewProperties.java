package dev.tally.admin;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The operator console's overview (tally.admin.overview.*).
 *
 * @param jobCountsMaxAgeMs GET /admin/overview counts jobs by status at most this often, in milliseconds; on the
 *     embedded MongoDB wire server each count reads every COMPLETE and FAIL job.
 */
@Validated
@ConfigurationProperties("tally.admin.overview")
public record OverviewProperties(@NotNull @Min(0) Long jobCountsMaxAgeMs) implements TallySettings {}
