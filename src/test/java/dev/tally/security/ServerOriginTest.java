package dev.tally.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ServerOriginTest {

    @Test
    void theOriginABrowserSendsFromTheConsoleMatches() {
        ServerOrigin server = origin("http", "tally.internal", 8080);

        assertThat(server.matches("http://tally.internal:8080")).isTrue();
        assertThat(server.matches("HTTP://Tally.Internal:8080"))
                .as("scheme and host are case-insensitive")
                .isTrue();
        assertThat(server.toString()).isEqualTo("http://tally.internal:8080");
    }

    @Test
    void aDefaultPortMayBeLeftOut() {
        assertThat(origin("http", "tally.internal", 80).matches("http://tally.internal"))
                .isTrue();
        assertThat(origin("https", "tally.internal", 443).matches("https://tally.internal"))
                .isTrue();
        assertThat(origin("https", "tally.internal", 443).matches("https://tally.internal:443"))
                .isTrue();
        assertThat(origin("https", "tally.internal", 443).toString()).isEqualTo("https://tally.internal");
    }

    @Test
    void anythingElseIsAnotherOrigin() {
        ServerOrigin server = origin("http", "tally.internal", 8080);

        assertThat(server.matches("http://evil.example")).isFalse();
        assertThat(server.matches("http://tally.internal:8081")).isFalse();
        assertThat(server.matches("https://tally.internal:8080")).isFalse();
        assertThat(server.matches("http://tally.internal.evil.example:8080")).isFalse();
        assertThat(server.matches("http://tally.internal"))
                .as("port 80, not 8080")
                .isFalse();
        assertThat(server.matches("null")).isFalse();
        assertThat(server.matches("http://tally.internal:8080/admin/"))
                .as("an origin has no path")
                .isFalse();
        assertThat(server.matches("not a url at all")).isFalse();
        assertThat(server.matches("")).isFalse();
    }

    private static ServerOrigin origin(String scheme, String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        return ServerOrigin.of(request);
    }
}
