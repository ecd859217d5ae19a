package dev.tally.submit;

/** RabbitMQ did not confirm every message of a batch: none of its jobs may count as queued. */
public class NotQueuedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotQueuedException(String message, Throwable cause) {
        super(message, cause);
    }
}
