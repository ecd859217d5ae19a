package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobRequestsTest {

    private final JobRequests requests = new JobRequests(new ObjectMapper());

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsAbsoluteHttpAndHttpsUrls() {
        assertThat(requests.urlFrom(json("{\"url\": \"http://example.com/a?b=c\"}")))
                .isEqualTo("http://example.com/a?b=c");
        assertThat(requests.urlFrom(json("{\"url\": \"HTTPS://example.com\"}"))).isEqualTo("HTTPS://example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"url\": null}",
                "{\"url\": 5}",
                "{\"url\": [\"http://x\"]}",
                "{\"url\": {\"$ne\": 1}}",
                "{\"url\": \"\"}",
                "{\"url\": \"example.com\"}",
                "{\"url\": \"/relative\"}",
                "{\"url\": \"ftp://example.com\"}",
                "{\"url\": \"http://\"}",
                "{\"url\": \"http:///path\"}",
                "{\"url\": \"javascript:alert(1)\"}",
                "{\"url\": \"http://exa mple.com\"}"
            })
    void refusesEveryBadUrlNamingTheField(String body) {
        assertThatThrownBy(() -> requests.urlFrom(json(body)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("`url`")
                .extracting(e -> ((ApiException) e).getStatus())
                .isEqualTo(400);
    }

    @Test
    void refusesUrlsOverTheLengthLimit() {
        String url = "http://example.com/" + "a".repeat(JobRequests.MAX_URL_LENGTH);
        assertThatThrownBy(() -> requests.urlFrom(json("{\"url\": \"" + url + "\"}")))
                .hasMessageContaining("`url`")
                .hasMessageContaining("2048");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{not json", "[1, 2]", "\"text\"", "42", "null"})
    void refusesBodiesThatAreNotAJsonObject(String body) {
        assertThatThrownBy(() -> requests.urlFrom(json(body)))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).getStatus())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"job_id\": 5}",
                "{\"job_id\": {\"$ne\": null}}",
                "{\"job_id\": \"xyz\"}",
                "{\"job_id\": \"6b0a3fb7e08e95152fdf54\"}",
                "{\"job_id\": [\"6b0a3fb7e08e95152fdf5445\"]}"
            })
    void refusesBadJobIdsInTheLegacyBodyWith400(String body) {
        assertThatThrownBy(() -> requests.jobIdFrom(json(body)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("job_id")
                .extracting(e -> ((ApiException) e).getStatus())
                .isEqualTo(400);
    }

    @Test
    void readsAValidJobId() {
        assertThat(requests.jobIdFrom(json("{\"job_id\": \"6b0a3fb7e08e95152fdf5445\"}"))
                        .toHexString())
                .isEqualTo("6b0a3fb7e08e95152fdf5445");
    }

    @Test
    void malformedPathIdsAreNotFound() {
        assertThatThrownBy(() -> requests.pathJobId("not-an-id"))
                .extracting(e -> ((ApiException) e).getStatus())
                .isEqualTo(404);
    }
}
