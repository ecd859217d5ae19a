package dev.tally.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.support.FullStackTest;
import dev.tally.support.OperatorHttp;
import dev.tally.support.TestStack;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jolokia over plain HTTP, the way a script or a monitoring agent uses it: only with the admin credentials, reads
 * work, writes and operations are refused (tally.jolokia.write-enabled is false by default).
 */
class JolokiaIT extends FullStackTest {

    static final String WORKER_MBEAN = "org.apache.camel:context=tally,type=routes,name=\\\"worker-count-words\\\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    OperatorHttp http;

    @BeforeEach
    void operator() {
        http = new OperatorHttp(port);
    }

    @Test
    void withoutTheAdminCredentialsJolokiaAnswers401() {
        HttpResponse<String> anonymous = http.postJson("/actuator/jolokia", "{\"type\":\"version\"}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(http.get("/actuator/jolokia/version").statusCode()).isEqualTo(401);
        assertThat(http.postJson(
                                "/actuator/jolokia",
                                "{\"type\":\"version\"}",
                                "Authorization",
                                OperatorHttp.basic(TestStack.ADMIN_USER, "not-the-password"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.postJson(
                                "/actuator/jolokia",
                                "{\"type\":\"version\"}",
                                "Authorization",
                                OperatorHttp.basic("someone", TestStack.ADMIN_PASSWORD))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theWorkerRoutesCompletedCountGrowsByTheJobsItRan() {
        long before = readCompleted();

        String first = submit(documents.url("/jolokia-1.txt"));
        String second = submit(documents.url("/jolokia-2.txt"));
        assertThat(awaitFinished(first, Duration.ofSeconds(20)).path("status").asText())
                .isEqualTo("COMPLETE");
        assertThat(awaitFinished(second, Duration.ofSeconds(20)).path("status").asText())
                .isEqualTo("COMPLETE");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> readCompleted() >= before + 2);
    }

    @Test
    void writesAndOperationsThatChangeSomethingAreRefused() {
        JsonNode gc = jolokia("{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\"}");
        assertThat(gc.path("status").asInt()).isEqualTo(403);
        assertThat(gc.path("error").asText()).contains("forbidden");

        JsonNode stopRoute = jolokia("{\"type\":\"exec\",\"mbean\":\"" + WORKER_MBEAN + "\",\"operation\":\"stop()\"}");
        assertThat(stopRoute.path("status").asInt()).isEqualTo(403);
        assertThat(camel.getRouteController()
                        .getRouteStatus("worker-count-words")
                        .isStarted())
                .isTrue();

        JsonNode write = jolokia(
                "{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"Verbose\",\"value\":true}");
        assertThat(write.path("status").asInt()).isEqualTo(403);

        // what Hawtio's Camel views need still works: a dump reads and changes nothing
        JsonNode dump = jolokia(
                "{\"type\":\"exec\",\"mbean\":\"org.apache.camel:context=tally,type=context,name=\\\"tally\\\"\","
                        + "\"operation\":\"dumpRoutesAsXml()\"}");
        assertThat(dump.path("status").asInt()).isEqualTo(200);
        assertThat(dump.path("value").asText()).contains("worker-count-words");
    }

    private long readCompleted() {
        JsonNode read =
                jolokia("{\"type\":\"read\",\"mbean\":\"" + WORKER_MBEAN + "\",\"attribute\":\"ExchangesCompleted\"}");
        assertThat(read.path("status").asInt()).as(read.toString()).isEqualTo(200);
        return read.path("value").asLong();
    }

    private JsonNode jolokia(String request) {
        HttpResponse<String> response =
                http.postJson("/actuator/jolokia", request, "Authorization", OperatorHttp.admin());
        assertThat(response.statusCode()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
