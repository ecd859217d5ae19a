package dev.tally.fetch;

/** Fetching failed in a way that a later retry may fix. The message is meant for end users. */
public class TransientFetchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TransientFetchException(String message) {
        super(message);
    }

    public TransientFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
