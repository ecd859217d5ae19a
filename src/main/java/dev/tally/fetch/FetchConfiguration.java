package dev.tally.fetch;

import dev.tally.config.TallySettings;
import dev.tally.worker.WorkerProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import org.hibernate.validator.constraints.Range;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

@Configuration
class FetchConfiguration {

    /**
     * How documents are fetched (tally.fetch.*).
     *
     * @param connectTimeoutMs How long to wait for the TCP (and TLS) connection, in milliseconds.
     * @param readTimeoutMs Longest silence allowed between two reads, headers included, in milliseconds.
     * @param maxBytes Documents over this many bytes (after decompression) FAIL "document too large".
     * @param maxRedirects More redirects FAIL.
     * @param allowPrivateNetworks false blocks loopback, private, link-local (169.254.169.254), multicast and
     *     unspecified targets, checked on every redirect and on the addresses each connection uses; true for tests
     *     and local demos.
     * @param allowedPorts Ports fetched from while private networks are blocked; any port when they are allowed.
     * @param userAgent Sent as the User-Agent header with every fetch.
     */
    @Validated
    @ConfigurationProperties("tally.fetch")
    record FetchProperties(
            @NotNull @Min(1) Long connectTimeoutMs,
            @NotNull @Min(1) Long readTimeoutMs,
            @NotNull @Min(1) Long maxBytes,
            @NotNull @Min(0) Integer maxRedirects,
            @NotNull Boolean allowPrivateNetworks,
            @NotNull Set<@Range(min = 1, max = 65535, message = PORT_RANGE) Integer> allowedPorts,
            @NotNull String userAgent)
            implements TallySettings {

        // a port's error names no property of its own, so the message does
        static final String PORT_RANGE = "tally.fetch.allowed-ports: every port must be between {min} and {max}";

        FetchSettings settings() {
            return new FetchSettings(
                    Duration.ofMillis(connectTimeoutMs),
                    Duration.ofMillis(readTimeoutMs),
                    maxBytes,
                    maxRedirects,
                    allowPrivateNetworks,
                    userAgent,
                    allowedPorts);
        }
    }

    @Bean
    FetchSettings fetchSettings(FetchProperties properties) {
        return properties.settings();
    }

    /** One fetcher, and so one pool of connections, for all workers; closed with the context. */
    @Bean(destroyMethod = "close")
    DocumentFetcher documentFetcher(FetchSettings settings, WorkerProperties worker) {
        // each worker holds at most one connection: the document it is counting
        return new DocumentFetcher(settings, AddressPolicy.PUBLIC_ONLY, HostResolver.SYSTEM, worker.concurrency());
    }

    @Bean
    TextExtractor textExtractor() {
        return new TextExtractor();
    }
}
