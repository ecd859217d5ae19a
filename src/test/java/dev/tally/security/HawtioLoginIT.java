package dev.tally.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.support.FullStackTest;
import dev.tally.support.TestStack;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hawtio's own login form takes the admin credentials and opens a session that Hawtio's Jolokia calls use; without
 * it those calls are refused with 403 (which Hawtio's page turns into its login), never with a browser dialog.
 */
class HawtioLoginIT extends FullStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CookieManager cookies;
    private HttpClient browser;

    @BeforeEach
    void browser() {
        cookies = new CookieManager();
        browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    @Test
    void thePageIsOpenAndItsDataNeedsALogin() throws Exception {
        assertThat(send("GET", "/actuator/hawtio/index.html", null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> data = send("POST", "/actuator/hawtio/jolokia", "{\"type\":\"version\"}");
        assertThat(data.statusCode()).isEqualTo(403);
        assertThat(data.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aLoginWithTheAdminCredentialsOpensTheConsole() throws Exception {
        HttpResponse<String> login = login(TestStack.ADMIN_USER, TestStack.ADMIN_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(200);
        // Hawtio 5 lets in only a subject with a role of hawtio.roles, here "admin" (the user is also called admin)
        JsonNode principals = JSON.readTree(login.body()).path("principals");
        assertThat(principals.findValuesAsText("type"))
                .containsExactlyInAnyOrder(
                        AdminLoginModule.UserPrincipal.class.getName(), AdminLoginModule.RolePrincipal.class.getName());
        assertThat(principals.findValuesAsText("name"))
                .containsOnly(TestStack.ADMIN_USER, AdminLoginModule.HAWTIO_ROLE);
        String session = sessionId();
        HttpResponse<String> user = send("GET", "/actuator/hawtio/user", null);
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(user.body()).asText()).isEqualTo(TestStack.ADMIN_USER);

        HttpResponse<String> read = send(
                "POST",
                "/actuator/hawtio/jolokia",
                "{\"type\":\"read\",\"mbean\":\"" + JolokiaIT.WORKER_MBEAN + "\",\"attribute\":\"State\"}");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"value\":\"Started\"");
        HttpResponse<String> again = send("POST", "/actuator/hawtio/jolokia", "{\"type\":\"version\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        // Hawtio's page sends calls in parallel: a session id that changed on every call would strand them
        assertThat(sessionId()).isEqualTo(session);

        // the session opens Jolokia only: the admin API still wants the credentials
        assertThat(send("GET", "/admin/dead-letters", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aLoginWithWrongCredentialsIsRefused() throws Exception {
        assertThat(login(TestStack.ADMIN_USER, "wrong").statusCode()).isEqualTo(403);
        assertThat(login("nobody", TestStack.ADMIN_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/actuator/hawtio/jolokia", "{\"type\":\"version\"}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void eachLoginStartsANewSession() throws Exception {
        send("GET", "/actuator/hawtio/index.html", null);
        login(TestStack.ADMIN_USER, TestStack.ADMIN_PASSWORD);
        String first = sessionId();
        login(TestStack.ADMIN_USER, TestStack.ADMIN_PASSWORD);
        assertThat(sessionId()).isNotEqualTo(first);
        assertThat(send("POST", "/actuator/hawtio/jolokia", "{\"type\":\"version\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        return send(
                "POST",
                "/actuator/hawtio/auth/login",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }

    private String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie"));
    }

    private HttpResponse<String> send(String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
