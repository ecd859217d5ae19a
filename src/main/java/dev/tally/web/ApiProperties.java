package dev.tally.web;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.Range;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The public API's limits (tally.api.*, the rate limit apart); the API and sweeper routes read confirm-timeout-ms
 * too.
 *
 * @param maxBodyBytes Larger request bodies get 413.
 * @param discardMaxBytes After a 413 the rest of the body is read and dropped up to this many bytes, so that a client
 *     that sends it all before reading gets its answer; past it the connection is closed.
 * @param discardTimeoutMs After a 413 the rest of the body is read and dropped for at most this long, in
 *     milliseconds; past it the connection is closed.
 * @param confirmTimeoutMs How long a POST (or a dead-letter replay) waits for RabbitMQ's publisher confirm, in
 *     milliseconds.
 * @param port Serves the API on a Vert.x server of its own at this port (0: any free one) instead of Tomcat's,
 *     for a proxy that routes the API's paths there; unset, Tomcat serves it with the rest.
 */
@Validated
@ConfigurationProperties("tally.api")
public record ApiProperties(
        // the filter reads up to one byte past the limit into an array
        @NotNull @Range(min = 1, max = Integer.MAX_VALUE - 1)
        Integer maxBodyBytes,

        @NotNull @Min(0) Long discardMaxBytes,
        @NotNull @Min(0) Long discardTimeoutMs,
        @NotNull @Min(1) Long confirmTimeoutMs,
        @Range(min = 0, max = 65535) Integer port)
        implements TallySettings {}
