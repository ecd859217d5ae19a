package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.support.ApiClient.Answer;
import dev.tally.support.FullStackTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP contract of the original service, plus the errors it lacked, through the public API. */
class ApiContractIT extends FullStackTest {

    @Test
    void postSchedulesAJobAndAnswers202WithItsLocation() {
        String url = documents.url("/contract.txt");
        Answer answer = api.submit(url);

        assertThat(answer.status()).isEqualTo(202);
        String jobId = answer.data().path("job_id").asText();
        assertThat(jobId).matches("[0-9a-f]{24}");
        assertThat(answer.message()).isEqualTo("Scheduled Job: " + jobId);
        assertThat(answer.body().path("success").asBoolean()).isTrue();
        assertThat(answer.data().path("url").asText()).isEqualTo(url);
        assertThat(answer.data().path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(answer.data().path("created_at").asText()).isNotBlank();
        assertThat(answer.raw().headers().firstValue("Location")).contains("/word-count/" + jobId);
        assertThat(answer.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        // in one write with its length, not chunked
        assertThat(answer.raw().headers().firstValue("Content-Length"))
                .hasValue(String.valueOf(answer.raw().body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(answer.raw().headers().firstValue("Transfer-Encoding")).isEmpty();
    }

    @Test
    void apiAnswersCarrySpringSecuritysDefaultHeaders() {
        Answer accepted = api.submit(documents.url("/contract.txt"));
        Answer notFound = api.job("nope");
        for (Answer answer : new Answer[] {accepted, notFound}) {
            var headers = answer.raw().headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("X-XSS-Protection")).hasValue("0");
            assertThat(headers.firstValue("Cache-Control")).hasValue("no-cache, no-store, max-age=0, must-revalidate");
            assertThat(headers.firstValue("Pragma")).hasValue("no-cache");
            assertThat(headers.firstValue("Expires")).hasValue("0");
        }
        assertThat(notFound.status()).isEqualTo(404);
    }

    @Test
    void bothGetFormsReturnTheFinishedJobWithItsHistogram() {
        String jobId = submit(documents.url("/both-forms.txt"));
        JsonNode job = awaitFinished(jobId, Duration.ofSeconds(20));
        assertThat(job.path("status").asText()).isEqualTo("COMPLETE");

        Answer byPath = api.job(jobId);
        Answer byBody = api.send("GET", "/word-count", "application/json", "{\"job_id\": \"" + jobId + "\"}");
        for (Answer answer : new Answer[] {byPath, byBody}) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.message()).isEqualTo("Fetched Job: " + jobId);
            JsonNode data = answer.data();
            assertThat(data.path("job_id").asText()).isEqualTo(jobId);
            assertThat(data.path("updated_at").asText()).isNotBlank();
            // "The cat and the hat. Don't stop 'quoted' 1,000"
            assertThat(data.path("word_count").path("the").asInt()).isEqualTo(2);
            assertThat(data.path("word_count").path("don't").asInt()).isEqualTo(1);
            assertThat(data.path("word_count").path("quoted").asInt()).isEqualTo(1);
            assertThat(data.path("word_count").path("000").asInt()).isEqualTo(1);
            assertThat(data.path("total_words").asInt()).isEqualTo(10);
            assertThat(data.path("distinct_words").asInt()).isEqualTo(9);
            assertThat(data.has("error")).isFalse();
        }
    }

    @ParameterizedTest(name = "{0} {1} [{2}] -> {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POST | /word-count   | application/x-www-form-urlencoded | url=http://x.test    | 400 | application/json",
                "POST | /word-count   | text/plain                        | {\"url\": \"http://x.test\"} | 400 | application/json",
                "POST | /word-count   |                                   |                      | 400 | application/json",
                "GET  | /word-count   | text/plain                        | {\"job_id\": \"6b0a3fb7e08e95152fdf5445\"} | 400 | application/json",
                "POST | /word-count   | application/json                  | {not json            | 400 | JSON",
                "POST | /word-count   | application/json                  |                      | 400 | JSON",
                "POST | /word-count   | application/json                  | [\"http://x.test\"]  | 400 | JSON object",
                "POST | /word-count   | application/json                  | {}                   | 400 | `url`",
                "POST | /word-count   | application/json                  | {\"url\": 12}        | 400 | `url`",
                "POST | /word-count   | application/json                  | {\"url\": \"x.test\"}| 400 | `url`",
                "POST | /word-count   | application/json                  | {\"url\": \"ftp://x.test/a\"} | 400 | `url`",
                "POST | /word-count   | application/json                  | {\"url\": \"http://\"} | 400 | `url`",
                "GET  | /word-count   | application/json                  | {}                   | 400 | job_id",
                "GET  | /word-count   | application/json                  | {\"job_id\": \"nope\"} | 400 | job_id",
                "GET  | /word-count   | application/json                  | {\"job_id\": {\"$gt\": \"\"}} | 400 | job_id",
                "GET  | /word-count   | application/json                  | {\"job_id\": 7}      | 400 | job_id",
                "GET  | /word-count   | application/json                  | {\"job_id\": \"6b0a3fb7e08e95152fdf5445\"} | 400 | job_id",
                "GET  | /word-count/nope | |                                                     | 404 | nope",
                "GET  | /word-count/6b0a3fb7e08e95152fdf5445 | |                                 | 404 | 6b0a3fb7e08e95152fdf5445",
                "PUT  | /word-count   | application/json                  | {}                   | 405 | PUT",
                "DELETE | /word-count |                                   |                      | 405 | DELETE",
                "POST | /word-count/6b0a3fb7e08e95152fdf5445 | application/json | {}             | 405 | POST",
                "POST | /health       | application/json                  | {}                   | 405 | POST",
                "POST | /%77ord-count | text/plain                        | {\"url\": \"http://x.test\"} | 400 | application/json",
                "POST | /word%2Dcount | application/x-www-form-urlencoded | url=http://x.test    | 400 | application/json",
                "POST | /word-count   | application/x-www-form-urlencoded+json | {\"url\": \"http://x.test\"} | 400 | application/json",
                "GET  | /error        |                                   |                      | 404 | /error",
                "GET  | /no-such-page |                                   |                      | 404 | /no-such-page",
                "GET  | /word-count/null | |                                                     | 404 | null",
            })
    void everyBadRequestGetsA4xxNamingTheProblem(
            String method, String path, String contentType, String body, int status, String mentions) {
        Answer answer = api.send(method, path, contentType, body);
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.body().path("success").asBoolean(true)).isFalse();
        assertThat(answer.message()).contains(mentions);
        assertThat(answer.data().isObject()).isTrue();
    }

    @Test
    void aUrlOverTheLengthLimitIs400() {
        Answer answer = api.submit("http://x.test/" + "a".repeat(2100));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).contains("`url`");
    }

    @Test
    void invalidUtf8IsRefusedNotStoredAsReplacementCharacters() {
        byte[] body = "{\"url\": \"http://x.test/\u00ff\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + apiPort + "/word-count"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        java.net.http.HttpResponse<String> answer = send(request);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("UTF-8");
    }

    @Test
    void traceIsRefusedInTheEnvelope() {
        Answer answer = api.send("TRACE", "/word-count", null, null);
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.raw().headers().firstValue("Allow")).contains("GET, POST");
        assertThat(answer.body().path("success").asBoolean(true)).isFalse();
    }

    private static java.net.http.HttpResponse<String> send(java.net.http.HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBodyOver64KbIs413() {
        String padding = "a".repeat(70_000);
        Answer answer = api.send(
                "POST", "/word-count", "application/json", "{\"url\": \"http://x.test\", \"p\": \"" + padding + "\"}");
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().path("success").asBoolean(true)).isFalse();
    }

    @Test
    void healthPassesWhileBothServicesAreUp() {
        Answer answer = api.send("GET", "/health", null, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.message()).isEqualTo("Completed Health Check");
        assertThat(answer.data().path("status").asText()).isEqualTo("PASS");
        assertThat(answer.data().path("info").asText()).isEqualTo("All services are online");
        assertThat(answer.data().path("services").path("mongodb").asText()).isEqualTo("UP");
        assertThat(answer.data().path("services").path("rabbitmq").asText()).isEqualTo("UP");
    }
}
