package dev.tally.job;

import com.mongodb.MongoException;
import java.util.Locale;

/**
 * Why a job FAILed, as the {@code reason} tag of {@code tally_jobs_failed_total} (docs/operations.md): a category with
 * few values, since the reasons themselves name URLs and hosts. Set where the failure is thrown.
 */
public enum FailureReason {
    HTTP_3XX,
    HTTP_4XX,
    HTTP_5XX,
    UNKNOWN_HOST,
    UNSUPPORTED_TYPE,
    TOO_LARGE,
    BLOCKED,
    TIMEOUT,
    REFUSED,
    REDIRECT,
    INVALID_URL,
    NETWORK,
    MONGODB,
    /** RabbitMQ did not take the job's message at submission. */
    QUEUE_UNAVAILABLE,
    /** A worker bug: the message went to the dead-letter queue. */
    DEAD_LETTER,
    /** Stuck IN_PROGRESS after its re-publish: FAILed "timed out" by the sweeper. */
    STALE,
    OTHER;

    /** The metric tag. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A final HTTP status that is not a success: its class. */
    public static FailureReason ofHttpStatus(int status) {
        return switch (status / 100) {
            case 3 -> HTTP_3XX;
            case 4 -> HTTP_4XX;
            case 5 -> HTTP_5XX;
            default -> OTHER;
        };
    }

    /** The reason a failure carries; MongoDB's driver and anything unforeseen carry none of their own. */
    public static FailureReason of(Throwable cause) {
        if (cause instanceof JobFailureException failure) {
            return failure.reason();
        }
        return cause instanceof MongoException ? MONGODB : OTHER;
    }
}
