package dev.tally.job;

/** A failure that ends a job: its message is written for the job's user, its reason is the metric's category. */
public abstract class JobFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FailureReason reason;

    protected JobFailureException(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
