package dev.tally.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.support.ApiClient;
import dev.tally.support.TallyProcess;
import dev.tally.support.TestStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, run with a 256 MB heap against the real RabbitMQ and the test MongoDB, counts a 100 MB
 * document: the worker streams it from the socket to the counter instead of holding copies.
 */
class LargeDocumentIT {

    private static final long DOCUMENT_BYTES = 100_000_000;
    private static final String LINE = "the quick brown fox jumps over the lazy dog\n";

    @Test
    void aHundredMegabyteDocumentIsCountedWithA256MegabyteHeap() {
        try (TallyProcess tally = TallyProcess.start(
                        "large",
                        "web,worker",
                        ".large",
                        Map.of("TALLY_FETCH_MAX_BYTES", "200000000"),
                        List.of("-Xmx256m"))
                .awaitHealthy()) {
            ApiClient api = tally.api();
            String jobId = api.submitOk(TestStack.documents().url("/100mb.txt"));
            JsonNode job = api.awaitFinished(jobId, Duration.ofSeconds(90));

            assertThat(job.path("status").asText())
                    .as("job %s, log %s", job, tally.log())
                    .isEqualTo("COMPLETE");
            long lines = DOCUMENT_BYTES / LINE.length();
            assertThat(job.path("word_count").path("fox").asLong()).isBetween(lines, lines + 1);
            assertThat(tally.logText()).doesNotContain("OutOfMemoryError");
        }
    }
}
