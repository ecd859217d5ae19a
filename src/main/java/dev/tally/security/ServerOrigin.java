package dev.tally.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * This server's origin as the browser addressed it: scheme, host and port of the request (the {@code Host} header;
 * behind a proxy, what server.forward-headers-strategy makes of its forwarded headers).
 */
record ServerOrigin(String scheme, String host, int port) {

    static ServerOrigin of(HttpServletRequest request) {
        return new ServerOrigin(
                request.getScheme().toLowerCase(Locale.ROOT),
                request.getServerName().toLowerCase(Locale.ROOT),
                request.getServerPort());
    }

    /** Whether an {@code Origin} header names this origin; "null" and anything unparsable do not. */
    boolean matches(String origin) {
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null
                || uri.getHost() == null
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
            return false;
        }
        String otherScheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int otherPort = uri.getPort() == -1 ? defaultPort(otherScheme) : uri.getPort();
        return scheme.equals(otherScheme) && host.equals(uri.getHost().toLowerCase(Locale.ROOT)) && port == otherPort;
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
    }

    @Override
    public String toString() {
        boolean defaultPort = port == defaultPort(scheme);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
