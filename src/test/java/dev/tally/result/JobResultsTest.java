package dev.tally.result;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.count.WordHistogram;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The completing update, written as BSON bytes, holds what docs/data-model.md says, with its types and order. */
class JobResultsTest {

    private static final ObjectId JOB = new ObjectId("6b0a3fb7e08e95152fdf5445");

    @Test
    void completesTheJobWithTotalsTopWordsAndTheInlineCountOnlyWhileItIsInProgress() {
        JobResults results = new JobResults(null, new ResultsProperties(1L << 20));
        WordHistogram histogram =
                new WordHistogram(Map.of("the", 3L, "cat", 1L, "big", 3_000_000_000L), 3_000_000_004L);
        long before = System.currentTimeMillis();

        List<Bson> update =
                results.completeUpdate(new Document("_id", JOB).append("created_at", new Date()), histogram, null);

        assertThat(update.get(0)).isEqualTo(new Document("_id", JOB).append("status", "IN_PROGRESS"));
        BsonDocument set = update.get(1).toBsonDocument().getDocument("$set");
        assertThat(set.keySet())
                .containsExactly("status", "total_words", "distinct_words", "top_words", "word_count", "updated_at");
        assertThat(set.get("status")).isEqualTo(new BsonString("COMPLETE"));
        assertThat(set.get("total_words")).isEqualTo(new BsonInt64(3_000_000_004L));
        assertThat(set.get("distinct_words")).isEqualTo(new BsonInt32(3));
        assertThat(set.get("top_words"))
                .isEqualTo(new BsonArray(List.of(
                        top("big", new BsonInt64(3_000_000_000L)),
                        top("the", new BsonInt32(3)),
                        top("cat", new BsonInt32(1)))));
        assertThat(set.getDocument("word_count"))
                .isEqualTo(new BsonDocument("big", new BsonInt64(3_000_000_000L))
                        .append("the", new BsonInt32(3))
                        .append("cat", new BsonInt32(1)));
        assertThat(set.getDateTime("updated_at").getValue()).isBetween(before, System.currentTimeMillis());
    }

    private static BsonDocument top(String word, org.bson.BsonValue count) {
        return new BsonDocument("word", new BsonString(word)).append("count", count);
    }
}
