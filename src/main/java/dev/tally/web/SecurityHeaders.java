package dev.tally.web;

import io.vertx.core.http.HttpServerResponse;

/**
 * The headers Spring Security's defaults write on Tomcat's answers (and {@code PublicApiBypass} on the API's),
 * for the API's answers on Vert.x: the same names and values, HSTS only over HTTPS as there.
 */
final class SecurityHeaders {

    private SecurityHeaders() {}

    static void write(HttpServerResponse response, boolean secure) {
        response.putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-XSS-Protection", "0")
                .putHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
                .putHeader("Pragma", "no-cache")
                .putHeader("Expires", "0")
                .putHeader("X-Frame-Options", "DENY");
        if (secure) {
            response.putHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
    }
}
