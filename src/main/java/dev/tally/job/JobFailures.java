package dev.tally.job;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The failures the routes hand to the FAIL route, one method for each way a job can fail. */
@Component("jobFailures")
public class JobFailures {

    static final String TIMED_OUT = "timed out";
    static final String QUEUE_UNAVAILABLE = "queue unavailable";

    /** The worker gave up on the job: the reason the exception carries, its message for the user. */
    public JobFailure byWorker(Throwable cause, Exchange exchange) {
        return new JobFailure(FailureReason.of(cause), FailureSentences.of(cause), messageOf(cause), elapsed(exchange));
    }

    /** The worker hit a bug and dead-lettered the job's message. */
    public JobFailure deadLettered(Throwable cause, Exchange exchange) {
        return new JobFailure(
                FailureReason.DEAD_LETTER, FailureSentences.of(cause), messageOf(cause), elapsed(exchange));
    }

    /** RabbitMQ did not take the message of a job just stored: the job must not wait for it. */
    public JobFailure queueUnavailable() {
        return new JobFailure(FailureReason.QUEUE_UNAVAILABLE, QUEUE_UNAVAILABLE, QUEUE_UNAVAILABLE, null);
    }

    /** The sweeper re-published the job a round ago and it is still IN_PROGRESS. */
    public JobFailure timedOut() {
        return new JobFailure(FailureReason.STALE, TIMED_OUT, TIMED_OUT, null);
    }

    private static String messageOf(Throwable cause) {
        return cause == null ? null : cause.getMessage();
    }

    /** From the start of the exchange (taking the message, or the request) until now, retries included. */
    public static Duration elapsed(Exchange exchange) {
        return Duration.ofMillis(exchange.getClock().elapsed());
    }
}
