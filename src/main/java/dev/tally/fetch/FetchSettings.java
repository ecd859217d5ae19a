package dev.tally.fetch;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Limits and identity used by {@link DocumentFetcher}.
 *
 * @param connectTimeout       how long to wait for the TCP (and TLS) connection
 * @param readTimeout          longest silence allowed between two reads, headers included
 * @param maxBytes             cap on the decoded body size
 * @param maxRedirects         redirects followed before giving up
 * @param allowPrivateNetworks false blocks loopback, private, link-local and similar addresses
 * @param userAgent            sent as the User-Agent header
 * @param allowedPorts         ports fetched from while private networks are blocked (any port otherwise)
 */
public record FetchSettings(
        Duration connectTimeout,
        Duration readTimeout,
        long maxBytes,
        int maxRedirects,
        boolean allowPrivateNetworks,
        String userAgent,
        Set<Integer> allowedPorts) {

    public static final Set<Integer> WEB_PORTS = Set.of(80, 443, 8080);

    public FetchSettings(
            Duration connectTimeout,
            Duration readTimeout,
            long maxBytes,
            int maxRedirects,
            boolean allowPrivateNetworks,
            String userAgent) {
        this(connectTimeout, readTimeout, maxBytes, maxRedirects, allowPrivateNetworks, userAgent, WEB_PORTS);
    }

    public FetchSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative, was " + maxRedirects);
        }
        Objects.requireNonNull(userAgent, "userAgent");
        allowedPorts = Set.copyOf(allowedPorts);
    }

    /** Whether a URL's port may be fetched; the scheme's default port counts when the URL names none. */
    boolean portAllowed(int port) {
        return allowPrivateNetworks || allowedPorts.contains(port);
    }

    public static FetchSettings defaults() {
        return new FetchSettings(
                Duration.ofSeconds(5), Duration.ofSeconds(20), 52_428_800L, 5, true, "Tally/1.0 (+word-count)");
    }

    // Sockets and the HTTP client read a timeout of 0 as "wait forever", so zero is refused here.
    private static void requirePositive(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + timeout);
        }
    }
}
