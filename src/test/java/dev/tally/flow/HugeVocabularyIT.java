package dev.tally.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.support.ApiClient;
import dev.tally.support.TallyProcess;
import dev.tally.support.TestStack;
import dev.tally.support.Vocabulary;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 25 MB word list of 3,000,000 distinct words, whose histogram (36 MB as JSON, 39 MB as BSON) is over MongoDB's
 * 16 MB document limit, counted by the packaged jar with the cluster workers' heap (256 MB, serial GC): the job completes, its
 * count goes to GridFS, and the API answers all 3,000,000 counts, streamed, as JSON and as CSV.
 */
class HugeVocabularyIT {

    private static final int WORDS = 3_000_000;

    @Test
    void threeMillionDistinctWordsCompleteAndAnswerExactly() throws Exception {
        // the native cluster's worker JVM (cluster/common.sh): serial GC, whose fixed old generation is the tight case
        try (TallyProcess tally = TallyProcess.start(
                        "vocabulary",
                        "web,worker",
                        ".vocabulary",
                        Map.of("TALLY_FETCH_MAX_BYTES", "30000000"),
                        List.of("-Xmx168m", "-Xmn24m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
                .awaitHealthy()) {
            ApiClient api = tally.api();
            String jobId = api.submitOk(TestStack.documents().url("/vocabulary/" + WORDS + ".txt"));
            JsonNode job = api.awaitFinished(jobId, Duration.ofSeconds(120));

            assertThat(job.path("status").asText())
                    .as("job %s, log %s", job, tally.log())
                    .isEqualTo("COMPLETE");
            assertThat(job.path("distinct_words").asLong()).isEqualTo(WORDS);
            assertEveryWordCountedOnce(get(tally.port(), "/word-count/" + jobId));
            assertCsvRows(get(tally.port(), "/word-count/" + jobId + "/word-count.csv"));
            assertThat(tally.logText()).doesNotContain("OutOfMemoryError");
        }
    }

    /** Reads the answer as a stream: the test need not hold it either. */
    private static void assertEveryWordCountedOnce(InputStream answer) throws Exception {
        BitSet seen = new BitSet(WORDS);
        int entries = 0;
        JsonFactory json = JsonFactory.builder()
                .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .build();
        try (JsonParser parser = json.createParser(answer)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "word_count".equals(parser.currentName())) {
                    assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        long index = Vocabulary.indexOf(parser.currentName());
                        assertThat(index).as(parser.currentName()).isBetween(0L, WORDS - 1L);
                        assertThat(seen.get((int) index))
                                .as(parser.currentName())
                                .isFalse();
                        seen.set((int) index);
                        parser.nextToken();
                        assertThat(parser.getLongValue()).isEqualTo(1);
                        entries++;
                    }
                }
            }
        }
        assertThat(entries).isEqualTo(WORDS);
        assertThat(seen.cardinality()).isEqualTo(WORDS);
    }

    private static void assertCsvRows(InputStream csv) throws Exception {
        try (BufferedReader rows = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            assertThat(rows.readLine()).isEqualTo("word,count");
            assertThat(rows.readLine()).isEqualTo(Vocabulary.word(0) + ",1");
            long count = 2;
            String last = null;
            for (String row; (row = rows.readLine()) != null; count++) {
                last = row;
            }
            assertThat(count).isEqualTo(WORDS + 1L);
            assertThat(last).isEqualTo(Vocabulary.word(WORDS - 1) + ",1");
        }
    }

    private static InputStream get(int port, String path) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(120))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
