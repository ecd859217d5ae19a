package dev.tally.web;

import java.util.Map;

/** The envelope of every answer, as in the original service: {@code {"success", "message", "data"}}. */
public record ApiResponse(boolean success, String message, Object data) {

    public static ApiResponse ok(String message, Object data) {
        return new ApiResponse(true, message, data);
    }

    public static ApiResponse failure(String message) {
        return new ApiResponse(false, message, Map.of());
    }
}
