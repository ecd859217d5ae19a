package dev.tally.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to Tally's public HTTP API the way a client would. */
public final class ApiClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final Duration requestTimeout;

    public ApiClient(int port) {
        this(port, Duration.ofSeconds(20));
    }

    /** A client whose every request gives up after {@code requestTimeout} (java.net.http.HttpTimeoutException). */
    public ApiClient(int port, Duration requestTimeout) {
        this.base = "http://127.0.0.1:" + port;
        this.requestTimeout = requestTimeout;
    }

    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        public String message() {
            return body.path("message").asText();
        }

        public JsonNode data() {
            return body.path("data");
        }
    }

    public Answer submit(String url) {
        return send("POST", "/word-count", "application/json", "{\"url\": " + quote(url) + "}");
    }

    /** Submits a URL and returns the job id, failing unless the answer is 202. */
    public String submitOk(String url) {
        Answer answer = submit(url);
        if (answer.status() != 202) {
            throw new AssertionError("expected 202 for " + url + " but got " + answer.status() + " " + answer.body());
        }
        return answer.data().path("job_id").asText();
    }

    /** Polls the job until it leaves IN_PROGRESS, and returns its data. */
    public JsonNode awaitFinished(String jobId, Duration within) {
        org.awaitility.Awaitility.await()
                .atMost(within)
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        !"IN_PROGRESS".equals(job(jobId).data().path("status").asText()));
        return job(jobId).data();
    }

    public Answer job(String jobId) {
        return send("GET", "/word-count/" + jobId, null, null);
    }

    public Answer send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, null);
    }

    /** A GET whose answer may not be JSON (the CSV export), as it came. */
    public HttpResponse<String> getRaw(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(requestTimeout)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As the operator, with HTTP basic credentials. */
    public Answer admin(String method, String path) {
        String credentials = TestStack.ADMIN_USER + ":" + TestStack.ADMIN_PASSWORD;
        return send(
                method,
                path,
                null,
                null,
                "Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private Answer send(String method, String path, String contentType, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(requestTimeout)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
