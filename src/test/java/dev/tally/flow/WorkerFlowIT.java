package dev.tally.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.support.FullStackTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

/** Jobs through the real queue and worker route: what ends COMPLETE and what ends FAIL, and why. */
class WorkerFlowIT extends FullStackTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Test
    void countsAPlainTextDocument() {
        NotifyBuilder counted = new NotifyBuilder(camel)
                .fromRoute("worker-count-words")
                .whenCompleted(1)
                .create();
        String jobId = submit(documents.url("/plain.txt"));

        assertThat(counted.matches(20, TimeUnit.SECONDS)).isTrue();
        JsonNode job = awaitFinished(jobId, WITHIN);
        assertThat(job.path("status").asText()).isEqualTo("COMPLETE");
        assertThat(job.path("word_count").path("cat").asInt()).isEqualTo(1);
        assertThat(job.path("total_words").asInt()).isEqualTo(10);
    }

    @Test
    void countsOnlyTheVisibleTextOfAnHtmlPage() {
        JsonNode job = awaitFinished(submit(documents.url("/page.html")), WITHIN);

        assertThat(job.path("status").asText()).isEqualTo("COMPLETE");
        JsonNode words = job.path("word_count");
        assertThat(words.path("hello").asInt()).isEqualTo(2);
        assertThat(words.path("world").asInt()).isEqualTo(1);
        assertThat(words.path("again").asInt()).isEqualTo(1);
        assertThat(words.has("hidden")).as("script text").isFalse();
        assertThat(words.has("color")).as("style text").isFalse();
        assertThat(words.has("p")).as("markup").isFalse();
    }

    @Test
    void aMissingDocumentFailsAtOnceWithTheHttpStatus() {
        String url = documents.url("/missing");
        JsonNode job = awaitFinished(submit(url), WITHIN);

        assertThat(job.path("status").asText()).isEqualTo("FAIL");
        assertThat(job.path("error").asText()).isEqualTo("HTTP 404 fetching " + url);
        assertThat(job.has("word_count")).isFalse();
        assertThat(documents.hits("/missing")).as("4xx is permanent: no retry").isEqualTo(1);
    }

    @Test
    void anUnsupportedContentTypeFails() {
        JsonNode job = awaitFinished(submit(documents.url("/image.png")), WITHIN);
        assertThat(job.path("status").asText()).isEqualTo("FAIL");
        assertThat(job.path("error").asText()).contains("unsupported content type image/png");
    }

    @Test
    void aDocumentOverTheSizeCapFails() {
        JsonNode job = awaitFinished(submit(documents.url("/huge.txt")), WITHIN);
        assertThat(job.path("status").asText()).isEqualTo("FAIL");
        assertThat(job.path("error").asText()).startsWith("document too large");
    }

    @Test
    void aDocumentThatOutgrowsTheCapWhileItStreamsFails() {
        JsonNode job = awaitFinished(submit(documents.url("/huge-chunked.html")), WITHIN);
        assertThat(job.path("status").asText()).isEqualTo("FAIL");
        assertThat(job.path("error").asText()).startsWith("document too large");
    }

    @Test
    void aRefusedConnectionIsRetriedWithBackoffThenFails() {
        String url = "http://127.0.0.1:1/refused";
        JsonNode job = awaitFinished(submit(url), WITHIN);
        assertThat(job.path("status").asText()).isEqualTo("FAIL");
        assertThat(job.path("error").asText()).contains("connection refused");
    }

    @Test
    void aServerErrorIsRetriedBeforeTheJobFails() {
        JsonNode job = awaitFinished(submit(documents.url("/broken")), WITHIN);
        assertThat(job.path("status").asText()).isEqualTo("FAIL");
        assertThat(job.path("error").asText()).contains("HTTP 500");
        // one try plus tally.redelivery.max-attempts (3) redeliveries
        assertThat(documents.hits("/broken")).isEqualTo(4);
    }
}
