package dev.tally.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.count.WordHistogram;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** A finished job's word count: stored as JSON text (UTF-8 bytes), answered as the same object the API always gave. */
class JobViewTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final JobView view = new JobView();

    @Test
    void storesTheWordCountAsJsonTextAndAnswersItAsAnObject() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("the", 2L);
        counts.put("don't", 1L);
        counts.put("\"quoted\"", 1L);
        Document job =
                finished(new JobDocuments().completeUpdate(new ObjectId().toHexString(), new WordHistogram(counts, 4)));

        assertThat(job.get("word_count")).isInstanceOf(Binary.class);
        JsonNode answer = mapper.readTree(mapper.writeValueAsString(view.of(job)));
        assertThat(answer.path("word_count").path("the").asLong()).isEqualTo(2);
        assertThat(answer.path("word_count").path("don't").asLong()).isEqualTo(1);
        assertThat(answer.path("word_count").path("\"quoted\"").asLong()).isEqualTo(1);
        assertThat(answer.path("word_count").size()).isEqualTo(3);
        assertThat(answer.path("total_words").asLong()).isEqualTo(4);
    }

    @Test
    void answersAWordCountStoredAsJsonStringBefore() throws Exception {
        Document job =
                new Document("_id", new ObjectId()).append("status", "COMPLETE").append("word_count", "{\"cat\":2}");

        JsonNode answer = mapper.readTree(mapper.writeValueAsString(view.of(job)));
        assertThat(answer.path("word_count").path("cat").asLong()).isEqualTo(2);
    }

    @Test
    void answersAWordCountStoredAsASubDocumentBefore() throws Exception {
        Document job = new Document("_id", new ObjectId())
                .append("status", "COMPLETE")
                .append("word_count", new Document("cat", 1L));

        JsonNode answer = mapper.readTree(mapper.writeValueAsString(view.of(job)));
        assertThat(answer.path("word_count").path("cat").asLong()).isEqualTo(1);
    }

    /** The job as the update leaves it: its $set fields over an id. */
    private static Document finished(List<?> filterAndUpdate) {
        Document set = (Document) ((Document) filterAndUpdate.get(1)).get("$set");
        Document job = new Document("_id", new ObjectId())
                .append("created_at", new Date())
                .append("url", "http://x/");
        job.putAll(set);
        return job;
    }
}
