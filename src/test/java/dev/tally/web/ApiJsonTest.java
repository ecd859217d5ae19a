package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBuckets;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tally.result.StreamedWordCount;
import dev.tally.result.WordCountFiles;
import dev.tally.store.MongoDbProperties;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A word count kept in GridFS answers as the same JSON whether read whole (small files) or streamed (large). */
class ApiJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final ApiJson json = new ApiJson(
            MAPPER, new WordCountFiles(client, new MongoDbProperties(null, "api_json", "majority", 1000, 1, 1L)));

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aSmallFileIsReadWholeIntoTheAnswer() throws Exception {
        String counts = counts(1_000);
        assertThat(counts.length()).isLessThan(ApiJson.BUFFERED_MAX_BYTES);

        Object rendered = json.render(answerWith(upload(counts)));

        assertThat(rendered).isInstanceOf(byte[].class);
        assertAnswers(new String((byte[]) rendered, StandardCharsets.UTF_8), counts);
    }

    @Test
    void aLargeFileIsStreamedIntoTheAnswer() throws Exception {
        String counts = counts(40_000);
        assertThat(counts.length()).isGreaterThan(ApiJson.BUFFERED_MAX_BYTES);

        Object rendered = json.render(answerWith(upload(counts)));

        assertThat(rendered).isInstanceOf(InputStream.class);
        try (InputStream stream = (InputStream) rendered) {
            assertAnswers(new String(stream.readAllBytes(), StandardCharsets.UTF_8), counts);
        }
    }

    private static void assertAnswers(String answer, String counts) throws Exception {
        JsonNode data = MAPPER.readTree(answer).get("data");
        assertThat(data.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(data.get("word_count")).isEqualTo(MAPPER.readTree(counts));
        assertThat(data.get("total_words").asInt()).isEqualTo(7);
    }

    private ObjectId upload(String counts) {
        return GridFSBuckets.create(client.getDatabase("api_json"), WordCountFiles.BUCKET)
                .uploadFromStream("x.json", new ByteArrayInputStream(counts.getBytes(StandardCharsets.UTF_8)));
    }

    private static ApiResponse answerWith(ObjectId file) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", "COMPLETE");
        data.put("word_count", new StreamedWordCount(file));
        data.put("total_words", 7);
        return ApiResponse.ok("Fetched Job", data);
    }

    private static String counts(int words) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < words; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("\"word")
                    .append(i)
                    .append("\":")
                    .append(words - i);
        }
        return json.append('}').toString();
    }
}
