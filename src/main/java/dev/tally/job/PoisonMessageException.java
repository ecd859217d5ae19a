package dev.tally.job;

/** A queued message no worker can ever process: it goes to the dead-letter queue, never back to the queue. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }
}
