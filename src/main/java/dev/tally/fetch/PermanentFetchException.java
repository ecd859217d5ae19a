package dev.tally.fetch;

/** Fetching failed in a way that retrying the same URL cannot fix. The message is meant for end users. */
public class PermanentFetchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PermanentFetchException(String message) {
        super(message);
    }

    public PermanentFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
