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
import java.util.Map;

/**
 * Raw requests to the operator surface with any headers a browser or a script might send (Origin, Sec-Fetch-Site,
 * credentials or none), answered as they came.
 */
public final class AdminRequests {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    public AdminRequests(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** This server's origin as a browser on the page would name it. */
    public String origin() {
        return base;
    }

    /** As the admin, with the given headers (name, value, ...). */
    public HttpResponse<String> asAdmin(String method, String path, String... headers) {
        return send(method, path, Map.of("Authorization", OperatorHttp.admin()), headers);
    }

    /** A JSON POST as the admin (Jolokia), with the given headers. */
    public HttpResponse<String> postJsonAsAdmin(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", OperatorHttp.admin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request, headers);
    }

    /** Without credentials. */
    public HttpResponse<String> anonymous(String method, String path, String... headers) {
        return send(method, path, Map.of(), headers);
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> fixed, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody());
        fixed.forEach(request::header);
        return send(request, headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        request.timeout(Duration.ofSeconds(20));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
