package dev.tally.web;

/** The legacy {@code GET /word-count} body named a job that does not exist: 400, as the original answered. */
public class UnknownJobException extends ApiException {

    public UnknownJobException(String message) {
        super(400, message);
    }
}
