package dev.tally.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.result.StoredWordCounts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * Jobs stored by the version before this one, their word count as JSON text in binary or in a string, or as an
 * unranked sub-document, answer as jobs stored now do: the whole count, and top words computed from it.
 */
class JobViewTest {

    private static final String COUNTS = "{\"cat\":1,\"the\":3,\"hat\":2}";

    private final ObjectMapper mapper = new ObjectMapper();
    private final JobView view = new JobView(new StoredWordCounts(null));

    @Test
    void answersAWordCountStoredAsJsonBinary() throws Exception {
        assertAnswersTheCounts(job(new Binary(COUNTS.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void answersAWordCountStoredAsJsonString() throws Exception {
        assertAnswersTheCounts(job(COUNTS));
    }

    @Test
    void answersAWordCountStoredAsAnUnrankedSubDocument() throws Exception {
        assertAnswersTheCounts(job(new Document("cat", 1).append("the", 3L).append("hat", 2)));
    }

    @Test
    void withTopAnswersTheTopWordsInsteadOfTheWholeCount() throws Exception {
        JsonNode answer = mapper.readTree(mapper.writeValueAsString(view.of(job(COUNTS), 2)));

        assertThat(answer.has("word_count")).isFalse();
        assertThat(words(answer.path("top_words"))).containsExactly("the", "hat");
    }

    @Test
    void aFailedJobHasItsErrorAndNoCounts() throws Exception {
        Document failed =
                new Document("_id", new ObjectId()).append("status", "FAIL").append("error", "timed out");

        JsonNode answer = mapper.readTree(mapper.writeValueAsString(view.of(failed, null)));

        assertThat(answer.path("error").asText()).isEqualTo("timed out");
        assertThat(answer.has("word_count")).isFalse();
        assertThat(answer.has("top_words")).isFalse();
    }

    private void assertAnswersTheCounts(Document job) throws Exception {
        JsonNode answer = mapper.readTree(mapper.writeValueAsString(view.of(job, null)));

        assertThat(answer.path("word_count").path("the").asLong()).isEqualTo(3);
        assertThat(answer.path("word_count").path("cat").asLong()).isEqualTo(1);
        assertThat(answer.path("word_count").size()).isEqualTo(3);
        assertThat(answer.path("total_words").asLong()).isEqualTo(6);
        assertThat(words(answer.path("top_words"))).containsExactly("the", "hat", "cat");
        assertThat(answer.path("top_words").get(0).path("count").asLong()).isEqualTo(3);
    }

    private static Document job(Object storedCounts) {
        return new Document("_id", new ObjectId())
                .append("url", "http://x/")
                .append("status", "COMPLETE")
                .append("word_count", storedCounts)
                .append("total_words", 6L)
                .append("distinct_words", 3);
    }

    private static List<String> words(JsonNode top) {
        List<String> words = new ArrayList<>();
        top.forEach(row -> words.add(row.path("word").asText()));
        return words;
    }
}
