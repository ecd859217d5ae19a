package dev.tally.web;

/**
 * A request the API refuses, with the HTTP status and a message naming what is wrong. It is an answer, not a
 * failure: api-errors turns it into a 4xx and never logs it, so it records no stack trace, whose capture was a
 * tenth of the web JVM's CPU under a load of 404s (bench/limits.md).
 */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }
}
