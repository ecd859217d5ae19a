package dev.tally.listing;

import dev.tally.web.ApiException;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/**
 * The MongoDB query of a listing page, for the camel-mongodb findById and findAll the route sends. Newest first by
 * (created_at, _id), the order of the indexes {created_at: -1, _id: -1} and {status: 1, created_at: -1, _id: -1}; a
 * page continues after a job by that pair (keyset paging), so jobs added meanwhile neither repeat nor hide one.
 */
@Component("jobListingQuery")
public class JobListingQuery {

    static final String CREATED_AT = "created_at";
    static final String ID = "_id";

    /**
     * What a listed job shows, named field by field: the histogram (word_count, word_count_file, top_words), or any
     * large field added later, is never read for a listing.
     */
    private static final List<String> SUMMARY_FIELDS =
            List.of("url", "status", CREATED_AT, "updated_at", "total_words", "distinct_words", "error");

    public boolean continuesAfterAJob(ListingParameters listing) {
        return listing.before() != null;
    }

    public ObjectId beforeId(ListingParameters listing) {
        return listing.before();
    }

    /** The job a page continues after is read for its position only. */
    public Document cursorFields() {
        return new Document(CREATED_AT, 1);
    }

    /** The position of the job named by {@code before}, as findById returned it (null: no such job). */
    public Document cursorFrom(Document beforeJob, ListingParameters listing) {
        if (beforeJob == null || beforeJob.getDate(CREATED_AT) == null) {
            throw ApiException.badRequest(
                    "`before` names no job: " + listing.before().toHexString());
        }
        return new Document(ID, beforeJob.getObjectId(ID)).append(CREATED_AT, beforeJob.getDate(CREATED_AT));
    }

    /** {@code cursor} is null on the first page. */
    public Bson criteria(ListingParameters listing, Document cursor) {
        Document criteria = new Document();
        if (listing.status() != null) {
            criteria.append("status", listing.status().name());
        }
        if (cursor != null) {
            Object createdAt = cursor.get(CREATED_AT);
            // redundant with the $or, but a single range MongoDB bounds its index scan by
            criteria.append(CREATED_AT, new Document("$lte", createdAt));
            criteria.append(
                    "$or",
                    List.of(
                            new Document(CREATED_AT, new Document("$lt", createdAt)),
                            new Document(CREATED_AT, createdAt).append(ID, new Document("$lt", cursor.get(ID)))));
        }
        return criteria;
    }

    public Document newestFirst() {
        return new Document(CREATED_AT, -1).append(ID, -1);
    }

    public Document summaryFields() {
        Document fields = new Document();
        SUMMARY_FIELDS.forEach(field -> fields.append(field, 1));
        return fields;
    }
}
