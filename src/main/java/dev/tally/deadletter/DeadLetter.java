package dev.tally.deadletter;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One message on the dead-letter queue, as an operator sees it (snake_case, like the rest of the API). */
public record DeadLetter(
        String id,
        @JsonProperty("job_id") String jobId,
        String reason,
        String exception,
        String route,
        Integer attempts,
        @JsonProperty("first_failed_at") String firstFailedAt,
        @JsonProperty("last_failed_at") String lastFailedAt,
        String body) {}
