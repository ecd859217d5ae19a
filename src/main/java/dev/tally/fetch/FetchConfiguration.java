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

    @Bean
    DocumentFetcher documentFetcher(FetchSettings settings) {
        return new DocumentFetcher(settings);
    }

    @Bean
    TextExtractor textExtractor() {
        return new TextExtractor();
    }
}
