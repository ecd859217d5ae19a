package dev.tally.web;

/** {@code GET /word-count/{job_id}} for a job that does not exist. */
public class JobNotFoundException extends ApiException {

    public JobNotFoundException(String message) {
        super(404, message);
    }
}
