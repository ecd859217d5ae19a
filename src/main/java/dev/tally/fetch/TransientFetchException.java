package dev.tally.fetch;

import dev.tally.job.FailureReason;
import dev.tally.job.JobFailureException;

/** Fetching failed in a way that a later retry may fix. The message is meant for end users. */
public class TransientFetchException extends JobFailureException {

    private static final long serialVersionUID = 1L;

    /** For a route's throwException step, which can give only a message: counted as {@code other}. */
    public TransientFetchException(String message) {
        super(FailureReason.OTHER, message, null);
    }

    public TransientFetchException(FailureReason reason, String message) {
        super(reason, message, null);
    }

    public TransientFetchException(FailureReason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
