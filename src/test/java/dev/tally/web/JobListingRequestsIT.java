package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.support.ApiClient.Answer;
import dev.tally.web.RawHttp.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which requests the listing takes, and the 400 naming the parameter for every bad one. Over a plain socket: the
 * JDK client will not send a broken percent escape, nor choose between no body, an empty one and a chunked one.
 */
class JobListingRequestsIT extends ListingStackTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "limit=0",
                "limit=101",
                "limit=-1",
                "limit=abc",
                "limit=",
                "limit",
                "limit=1.5",
                "limit=+5",
                "limit=99999999999",
                "limit=%zz",
                "limit=5&limit=5",
                "status=complete",
                "status=DONE",
                "status=",
                "status=FAIL&status=FAIL",
                "before=nope",
                "before=6b0a3fb4",
                "before=zzzzzzzzzzzzzzzzzzzzzzzz",
                "before=",
                "before=6b0a3fb4e08e95152fdf5444",
                "before=6b0a3fb4e08e95152fdf5444&before=6b0a3fb4e08e95152fdf5444",
            })
    void everyBadParameterIs400NamingIt(String query) throws IOException {
        String name = query.replaceFirst("[=&].*", "");

        Reply reply = RawHttp.exchange(port, get("/word-count?" + query, "", ""), TIMEOUT);

        JsonNode answer = JSON.readTree(reply.body());
        assertThat(reply.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.path("success").asBoolean(true)).isFalse();
        assertThat(answer.path("message").asText()).contains("`" + name + "`");
        assertThat(answer.path("data").isObject() && answer.path("data").isEmpty())
                .isTrue();
    }

    @Test
    void beforeNamingNoJobSaysSo() {
        String unknown = "6b0a3fb4e08e95152fdf5444";
        assertThat(api.send("GET", "/word-count?before=" + unknown, null, null).message())
                .isEqualTo("`before` names no job: " + unknown);
    }

    @Test
    void unknownParametersAreIgnored() {
        assertThat(ids(list("/word-count?limit=2&job_id=x&foo"))).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Content-Type: text/plain\r\n",
                "Content-Type: multipart/form-data; boundary=x\r\n",
                "Content-Type: multipart/form-data\r\n",
                "Content-Type: multipart/form-data; boundary=\r\nContent-Length: 0\r\n",
                "Content-Type: application/json\r\nContent-Length: 0\r\n",
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n",
            })
    void aGetWithoutABodyListsWhateverItsContentType(String headers) throws IOException {
        Reply reply = RawHttp.exchange(port, get("/word-count?limit=2", headers, ""), TIMEOUT);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).path("data").path("jobs").size()).isEqualTo(2);
    }

    /** A chunked body is a body, even an empty one: the original lookup's checks apply. */
    @Test
    void aChunkedGetIsTheLookup() throws IOException {
        Reply empty = RawHttp.exchange(
                port,
                get("/word-count", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"),
                TIMEOUT);
        Reply notJson = RawHttp.exchange(
                port,
                get(
                        "/word-count",
                        "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n",
                        "2\r\n{}\r\n0\r\n\r\n"),
                TIMEOUT);

        assertThat(empty.status()).isEqualTo(400);
        assertThat(new String(empty.body(), StandardCharsets.UTF_8)).contains("body is empty");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(new String(notJson.body(), StandardCharsets.UTF_8)).contains("application/json");
    }

    /** A body names the job to read, as the original clients send it; query parameters do not change that. */
    @Test
    void aGetWithAJsonBodyIsStillTheLookup() {
        String jobId = fixtures.newestFirst().get(0).hex();

        Answer answer = api.send("GET", "/word-count?limit=2", "application/json", "{\"job_id\": \"" + jobId + "\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.message()).isEqualTo("Fetched Job: " + jobId);
    }

    private static byte[] get(String target, String headers, String body) {
        return ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Connection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}
