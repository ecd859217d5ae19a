package dev.tally.web;

import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Builds the envelopes the API routes answer with. */
@Component("apiResponses")
public class ApiResponses {

    public ApiResponse scheduled(Map<String, Object> job) {
        return ApiResponse.ok("Scheduled Job: " + job.get("job_id"), job);
    }

    public ApiResponse fetched(Map<String, Object> job) {
        return ApiResponse.ok("Fetched Job: " + job.get("job_id"), job);
    }

    public ApiResponse ok(String message, Object data) {
        return ApiResponse.ok(message, data);
    }

    public ApiResponse failure(String message) {
        return ApiResponse.failure(message);
    }

    /** The message of the exception an onException block caught; it was written for the client. */
    public ApiResponse failureFromException(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return ApiResponse.failure(caught == null ? "Request failed" : caught.getMessage());
    }
}
