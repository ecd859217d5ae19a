package dev.tally.job;

import java.time.Duration;

/**
 * Why a job FAILs, as the FAIL route takes it.
 *
 * @param reason     the category, the metric's {@code reason} tag
 * @param error      what the job's user reads in {@code error}
 * @param detail     what the job log says: the failure's own message, for the operator
 * @param workerTime the worker's time on the job, or null when no worker was on it (the API, the sweeper)
 */
public record JobFailure(FailureReason reason, String error, String detail, Duration workerTime) {

    static final String UNKNOWN = "unknown error";

    public JobFailure {
        error = orUnknown(error);
        detail = orUnknown(detail);
    }

    private static String orUnknown(String text) {
        return text == null || text.isBlank() ? UNKNOWN : text;
    }
}
