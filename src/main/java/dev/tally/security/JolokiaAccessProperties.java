package dev.tally.security;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the admin may do through Jolokia and Hawtio (tally.jolokia.*).
 *
 * @param writeEnabled false: Jolokia and Hawtio read but change nothing; true: the admin may also write attributes
 *     and invoke any operation (stop a route, ...).
 */
@Validated
@ConfigurationProperties("tally.jolokia")
public record JolokiaAccessProperties(@NotNull Boolean writeEnabled) implements TallySettings {}
