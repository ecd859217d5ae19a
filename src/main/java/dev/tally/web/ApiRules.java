package dev.tally.web;

import java.util.List;
import org.springframework.http.MediaType;

/**
 * What the API accepts before a route sees a request, whichever HTTP server took it: {@link ApiRequestFilter} on
 * Tomcat, {@link VertxApiGuard} on the API's own Vert.x server. Both answer a refusal with these messages.
 */
final class ApiRules {

    static final String JOBS = "/word-count";
    static final String JSON_ONLY = "Please make requests using the application/json MIME type";
    static final String NOT_UTF8 = "The request body is not valid UTF-8 JSON";
    // 503s of a JVM whose API routes have not started yet, or which is about to close: another JVM may answer
    static final String STARTING = "Tally is starting here: try again";
    static final String SHUTTING_DOWN = "Tally is shutting down here: try again";
    /** Seconds a client is told to wait (Retry-After) after a 429, or a 503 of a starting or stopping JVM. */
    static final String RETRY_AFTER_SECONDS = "1";

    static final List<String> NOT_TRACE = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private ApiRules() {}

    /** The methods an API path takes; null for a path outside the API. */
    static List<String> allowedMethods(String path) {
        if (JOBS.equals(path)) {
            return List.of("GET", "POST");
        }
        if (path.startsWith(JOBS + "/") || "/health".equals(path)) {
            return List.of("GET");
        }
        return null; // NOPMD ReturnEmptyCollectionRatherThanNull: null means not an API path
    }

    /** application/json or a vendor type like application/vnd.x+json; never anything a servlet parses as a form. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            String subtype = type.getSubtype();
            boolean json = "json".equals(subtype) || subtype.endsWith("+json");
            return "application".equals(type.getType()) && json && !subtype.contains("form");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String traceRefused() {
        return "Method TRACE is not allowed";
    }

    static String methodRefused(String method, String path, List<String> allowed) {
        return "Method " + method + " is not allowed on " + path + "; use " + String.join(" or ", allowed);
    }

    static String tooManySubmissions(String client) {
        return "Too many job submissions from " + client + ": slow down";
    }

    static String tooLarge(int maxBodyBytes) {
        return "The request body is larger than " + maxBodyBytes + " bytes";
    }
}
