package dev.tally.fetch;

import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class FetchConfiguration {

    @Bean
    FetchSettings fetchSettings(
            @Value("${tally.fetch.connect-timeout-ms}") long connectTimeoutMs,
            @Value("${tally.fetch.read-timeout-ms}") long readTimeoutMs,
            @Value("${tally.fetch.max-bytes}") long maxBytes,
            @Value("${tally.fetch.max-redirects}") int maxRedirects,
            @Value("${tally.fetch.allow-private-networks}") boolean allowPrivateNetworks,
            @Value("${tally.fetch.user-agent}") String userAgent,
            @Value("${tally.fetch.allowed-ports}") Set<Integer> allowedPorts) {
        return new FetchSettings(
                Duration.ofMillis(connectTimeoutMs),
                Duration.ofMillis(readTimeoutMs),
                maxBytes,
                maxRedirects,
                allowPrivateNetworks,
                userAgent,
                allowedPorts);
    }

    /** One fetcher, and so one pool of connections, for all workers; closed with the context. */
    @Bean(destroyMethod = "close")
    DocumentFetcher documentFetcher(
            FetchSettings settings, @Value("${tally.worker.concurrency}") int workerConcurrency) {
        // each worker holds at most one connection: the document it is counting
        return new DocumentFetcher(
                settings, AddressPolicy.PUBLIC_ONLY, HostResolver.SYSTEM, Math.max(1, workerConcurrency));
    }

    @Bean
    TextExtractor textExtractor() {
        return new TextExtractor();
    }
}
