package dev.tally.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.support.ApiClient;
import dev.tally.support.FreePort;
import dev.tally.support.TestStack;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, run with a 256 MB heap against the real RabbitMQ and the test MongoDB, counts a 100 MB
 * document: the worker streams it from the socket to the counter instead of holding copies.
 */
class LargeDocumentIT {

    private static final long DOCUMENT_BYTES = 100_000_000;
    private static final String LINE = "the quick brown fox jumps over the lazy dog\n";

    @Test
    void aHundredMegabyteDocumentIsCountedWithA256MegabyteHeap() throws Exception {
        Path jar = Path.of("target", "tally.jar");
        assertThat(jar).as("run after mvn package").exists();
        TestStack.start();
        Map<String, String> settings = TestStack.childProcessSettings(".large");
        int port = FreePort.find();
        Path log = Files.createTempFile("tally-large", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Xmx256m", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(settings);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("TALLY_FETCH_MAX_BYTES", "200000000");
        Process tally = builder.start();
        try {
            ApiClient api = new ApiClient(port);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> api.send("GET", "/health", null, null).status() == 200);

            String jobId = api.submitOk(TestStack.documents().url("/100mb.txt"));
            JsonNode job = api.awaitFinished(jobId, Duration.ofSeconds(90));

            assertThat(job.path("status").asText())
                    .as("job %s, log %s", job, log)
                    .isEqualTo("COMPLETE");
            long lines = DOCUMENT_BYTES / LINE.length();
            assertThat(job.path("word_count").path("fox").asLong()).isBetween(lines, lines + 1);
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        } finally {
            tally.destroy();
            tally.waitFor();
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
