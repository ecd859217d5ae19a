package dev.tally.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.support.FullStackTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OpenAPI document generated from the REST DSL of api.camel.yaml, read as a client reads it. */
class OpenApiDocumentIT extends FullStackTest {

    private JsonNode document;

    @BeforeEach
    void read() throws IOException {
        HttpResponse<String> answer = api.getRaw("/openapi.json");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        document = new ObjectMapper().readTree(answer.body());
    }

    @Test
    void describesTheApiInOpenApi3() {
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.path("info").path("title").asText()).isEqualTo("Tally");
        assertThat(document.path("info").path("version").asText()).isEqualTo("1.0");
        assertThat(document.path("info").path("description").asText()).contains("envelope");
    }

    @Test
    void theServerIsTheOriginTheDocumentCameFromAndNoRequestHeaderIsEchoed() throws Exception {
        assertThat(document.path("servers").toString()).isEqualTo("[{\"url\":\"/\"}]");

        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/openapi.json"))
                                .header("X-Probe", "echoed")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Probe")).isEmpty();
    }

    @Test
    void listsEveryPublicRouteWithItsMethodsAndNothingElse() {
        assertThat(fieldNames(document.path("paths")))
                .containsExactlyInAnyOrder(
                        "/word-count", "/word-count/{jobId}", "/word-count/{jobId}/word-count.csv", "/health");
        assertThat(fieldNames(document.path("paths").path("/word-count"))).containsExactlyInAnyOrder("get", "post");
        assertThat(fieldNames(document.path("paths").path("/word-count/{jobId}")))
                .containsExactly("get");
        assertThat(fieldNames(document.path("paths").path("/word-count/{jobId}/word-count.csv")))
                .containsExactly("get");
        assertThat(fieldNames(document.path("paths").path("/health"))).containsExactly("get");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "post | /word-count                         | 202 400 405 413 429 503 500",
                "get  | /word-count                         | 200 400 405 413 503 500",
                "get  | /word-count/{jobId}                 | 200 400 404 405 503 500",
                "get  | /word-count/{jobId}/word-count.csv  | 200 404 405 409 503 500",
                "get  | /health                             | 200 405 503 500",
            })
    void everyOperationListsEveryStatusItCanAnswer(String method, String path, String statuses) {
        JsonNode operation = document.path("paths").path(path).path(method);

        assertThat(fieldNames(operation.path("responses"))).containsExactlyInAnyOrder(statuses.split(" "));
        assertThat(operation.path("summary").asText()).isNotBlank();
        operation
                .path("responses")
                .forEach(response ->
                        assertThat(response.path("description").asText()).isNotBlank());
    }

    @Test
    void jsonAnswersCarryTheEnvelopeSchema() {
        JsonNode accepted =
                document.path("paths").path("/word-count").path("post").path("responses");
        String envelope = accepted.path("202")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asText();
        assertThat(envelope).startsWith("#/components/schemas/");
        JsonNode schema =
                document.path("components").path("schemas").path(envelope.substring(envelope.lastIndexOf('/') + 1));
        assertThat(fieldNames(schema.path("properties"))).containsExactlyInAnyOrder("success", "message", "data");
        assertThat(accepted.path("202").path("headers").has("Location")).isTrue();
        assertThat(document.path("paths")
                        .path("/word-count/{jobId}/word-count.csv")
                        .path("get")
                        .path("responses")
                        .path("200")
                        .path("headers")
                        .has("Content-Disposition"))
                .isTrue();
    }

    @Test
    void theSubmissionTakesARequiredJsonBody() {
        JsonNode body = document.path("paths").path("/word-count").path("post").path("requestBody");

        assertThat(body.path("required").asBoolean()).isTrue();
        assertThat(fieldNames(body.path("content"))).containsExactly("application/json");
        assertThat(body.path("content").path("application/json").path("example").asText())
                .contains("\"url\"");
    }

    @Test
    void theListingAndLookupDocumentTheirQueryParametersAndOptionalBody() {
        JsonNode get = document.path("paths").path("/word-count").path("get");

        assertThat(parameters(get, "query")).containsExactlyInAnyOrder("limit", "status", "before", "top");
        assertThat(parameter(get, "status").path("schema").path("enum").toString())
                .isEqualTo("[\"IN_PROGRESS\",\"COMPLETE\",\"FAIL\"]");
        assertThat(parameter(get, "limit").path("schema").path("type").asText()).isEqualTo("integer");
        assertThat(get.path("requestBody").path("required").asBoolean(true)).isFalse();
    }

    @Test
    void aJobIsAddressedByARequiredPathParameter() {
        JsonNode job = document.path("paths").path("/word-count/{jobId}").path("get");
        JsonNode csv = document.path("paths")
                .path("/word-count/{jobId}/word-count.csv")
                .path("get");

        for (JsonNode operation : List.of(job, csv)) {
            assertThat(parameters(operation, "path")).containsExactly("jobId");
            assertThat(parameter(operation, "jobId").path("required").asBoolean())
                    .isTrue();
        }
        assertThat(parameters(job, "query")).containsExactly("top");
        assertThat(parameters(csv, "query")).isEmpty();
    }

    private static List<String> parameters(JsonNode operation, String in) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            if (in.equals(parameter.path("in").asText())) {
                names.add(parameter.path("name").asText());
            }
        });
        return names;
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (name.equals(parameter.path("name").asText())) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
