package dev.tally.listing;

import dev.tally.job.JobStatus;
import org.bson.types.ObjectId;

/**
 * One page of {@code GET /word-count}, validated: at most {@code limit} jobs, of {@code status} if not null, older
 * than the job {@code before} if not null.
 */
public record ListingParameters(int limit, JobStatus status, ObjectId before) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** One more than the page holds: whether it comes back tells if a next page exists, without counting. */
    public int fetchLimit() {
        return limit + 1;
    }

    /** The link to the page after the one ending with {@code lastShown}, with this page's limit and status. */
    public String nextPage(ObjectId lastShown) {
        return "/word-count?limit=" + limit + (status == null ? "" : "&status=" + status.name()) + "&before="
                + lastShown.toHexString();
    }
}
