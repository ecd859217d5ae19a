package dev.tally.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import dev.tally.support.ApiClient.Answer;
import dev.tally.support.FullStackTest;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Jobs the version before this one stored, with the word count as JSON text in binary or in a string, or as an
 * unranked sub-document and no top words, answer through the API as jobs stored now: whole, top-N and CSV.
 */
class LegacyWordCountIT extends FullStackTest {

    private static final String COUNTS = "{\"cat\":1,\"the\":3,\"hat\":2,\"a\":2}";

    @Autowired
    MongoCollection<Document> jobsCollection;

    @ParameterizedTest
    @ValueSource(strings = {"binary", "string", "sub-document"})
    void answersAsAJobStoredNow(String form) {
        Object stored = switch (form) {
            case "binary" -> new Binary(COUNTS.getBytes(StandardCharsets.UTF_8));
            case "string" -> COUNTS;
            default -> Document.parse(COUNTS);
        };
        ObjectId id = new ObjectId();
        jobsCollection.insertOne(new Document("_id", id)
                .append("url", "http://example.com/old")
                .append("status", "COMPLETE")
                .append("created_at", new Date())
                .append("updated_at", new Date())
                .append("word_count", stored)
                .append("total_words", 8L)
                .append("distinct_words", 4));

        JsonNode job = api.job(id.toHexString()).data();
        assertThat(job.path("word_count").path("the").asInt()).isEqualTo(3);
        assertThat(job.path("word_count").size()).isEqualTo(4);
        assertThat(job.path("total_words").asLong()).isEqualTo(8);
        assertThat(job.path("top_words").get(0).path("word").asText()).isEqualTo("the");
        Answer top = api.send("GET", "/word-count/" + id + "?top=2", null, null);
        assertThat(top.data().path("top_words").toString())
                .isEqualTo("[{\"word\":\"the\",\"count\":3},{\"word\":\"a\",\"count\":2}]");
        assertThat(api.getRaw("/word-count/" + id + "/word-count.csv").body())
                .isEqualTo("word,count\r\nthe,3\r\na,2\r\nhat,2\r\ncat,1\r\n");
    }
}
