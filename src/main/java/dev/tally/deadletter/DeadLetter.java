package dev.tally.deadletter;

/** One message on the dead-letter queue, as an operator sees it. */
public record DeadLetter(
        String id,
        String jobId,
        String reason,
        String exception,
        String route,
        Integer attempts,
        String firstFailedAt,
        String lastFailedAt,
        String body) {}
