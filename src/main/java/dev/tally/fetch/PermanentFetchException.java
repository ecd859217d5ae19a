package dev.tally.fetch;

import dev.tally.job.FailureReason;
import dev.tally.job.JobFailureException;

/** Fetching failed in a way that retrying the same URL cannot fix. The message is meant for end users. */
public class PermanentFetchException extends JobFailureException {

    private static final long serialVersionUID = 1L;

    /** For a route's throwException step, which can give only a message: counted as {@code other}. */
    public PermanentFetchException(String message) {
        super(FailureReason.OTHER, message, null);
    }

    public PermanentFetchException(FailureReason reason, String message) {
        super(reason, message, null);
    }

    public PermanentFetchException(FailureReason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
