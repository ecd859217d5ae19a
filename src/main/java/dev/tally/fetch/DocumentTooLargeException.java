package dev.tally.fetch;

import dev.tally.job.FailureReason;

/** The document is, or turned out while reading to be, bigger than {@link FetchSettings#maxBytes()}. */
public class DocumentTooLargeException extends PermanentFetchException {

    private static final long serialVersionUID = 1L;

    public DocumentTooLargeException(long maxBytes, String url) {
        super(FailureReason.TOO_LARGE, "document too large (over " + maxBytes + " bytes) fetching " + url);
    }
}
