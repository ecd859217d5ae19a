package dev.tally.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.job.JobStatus;
import dev.tally.web.ApiException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The query as MongoDB receives it, and the page made of what it returns. */
class JobListingQueryTest {

    private final JobListingQuery query = new JobListingQuery();
    private final JobListingView view = new JobListingView();

    @Test
    void theFirstPageFiltersOnlyByTheStatusGiven() {
        assertThat(query.criteria(new ListingParameters(20, null, null), null)).isEqualTo(new Document());
        assertThat(query.criteria(new ListingParameters(20, JobStatus.FAIL, null), null))
                .isEqualTo(new Document("status", "FAIL"));
    }

    @Test
    void aLaterPageContinuesAfterTheCursorsCreationTimeAndThenId() {
        ObjectId before = new ObjectId();
        Date createdAt = new Date(1_700_000_000_000L);
        ListingParameters listing = new ListingParameters(5, JobStatus.COMPLETE, before);
        Document cursor = query.cursorFrom(new Document("_id", before).append("created_at", createdAt), listing);

        assertThat(query.criteria(listing, cursor).toBsonDocument().toJson())
                .isEqualTo(new Document("status", "COMPLETE")
                        .append("created_at", new Document("$lte", createdAt))
                        .append(
                                "$or",
                                List.of(
                                        new Document("created_at", new Document("$lt", createdAt)),
                                        new Document("created_at", createdAt)
                                                .append("_id", new Document("$lt", before))))
                        .toJson());
    }

    @Test
    void beforeNamingNoJobIs400NamingBefore() {
        ListingParameters listing = new ListingParameters(5, null, new ObjectId());

        assertThatThrownBy(() -> query.cursorFrom(null, listing))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith(
                        "`before` names no job: " + listing.before().toHexString());
    }

    @Test
    void sortsNewestFirstByTheIndexedKeysAndReadsNoHistogram() {
        assertThat(query.newestFirst()).isEqualTo(new Document("created_at", -1).append("_id", -1));
        assertThat(query.summaryFields().keySet())
                .doesNotContain("word_count", "word_count_file", "top_words")
                .contains("url", "status", "created_at", "updated_at", "total_words", "distinct_words", "error");
        assertThat(query.summaryFields().values()).containsOnly(1);
    }

    @Test
    void onlyAJobBeyondTheLimitMakesANextPage() {
        ListingParameters listing = new ListingParameters(2, null, null);
        List<Document> three = List.of(job(), job(), job());

        Map<String, Object> full = view.page(three, listing);
        Map<String, Object> last = view.page(three.subList(0, 2), listing);

        assertThat((List<?>) full.get("jobs")).hasSize(2);
        assertThat(full.get("next"))
                .isEqualTo("/word-count?limit=2&before="
                        + three.get(1).getObjectId("_id").toHexString());
        assertThat((List<?>) last.get("jobs")).hasSize(2);
        assertThat(last).containsEntry("next", null);
    }

    private static Document job() {
        return new Document("_id", new ObjectId())
                .append("status", "IN_PROGRESS")
                .append("created_at", new Date());
    }
}
