package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.TallyApplication;
import dev.tally.support.ApiClient;
import dev.tally.support.TestStack;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With a per-IP limit set, submissions beyond the burst get 429; reading jobs is never limited. */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitIT {

    @LocalServerPort
    int port;

    @Autowired
    ObjectProvider<ApiHttpServer> apiServer;

    @DynamicPropertySource
    static void limited(DynamicPropertyRegistry registry) {
        TestStack.register(registry, ".ratelimit");
        registry.add("tally.roles", () -> "web");
        registry.add("tally.api.rate-limit.per-second", () -> 0.01);
        registry.add("tally.api.rate-limit.burst", () -> 2);
    }

    @Test
    void submissionsBeyondTheBurstGet429() {
        ApiHttpServer vertx = apiServer.getIfAvailable(); // VertxRateLimitIT: the API's own server
        ApiClient api = new ApiClient(vertx == null ? port : vertx.port());
        String url = TestStack.documents().url("/limited.txt");

        assertThat(api.submit(url).status()).isEqualTo(202);
        assertThat(api.submit(url).status()).isEqualTo(202);
        ApiClient.Answer limited = api.submit(url);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().path("success").asBoolean(true)).isFalse();
        assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(api.send("GET", "/health", null, null).status()).isEqualTo(200);
    }
}
