package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The API's server stops as Tomcat's graceful shutdown does: a request in flight is answered, one that arrives
 * meanwhile gets the envelope's 503, and only then does the server close. Over real HTTP, with a route that holds
 * its request as a POST waiting for its batch's commit does.
 */
class ApiHttpServerStopTest {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aRequestInFlightIsAnsweredAndANewOneGets503WhileTheServerStops() throws Exception {
        VertxApiGuard guard = new VertxApiGuard(
                new ObjectMapper(),
                new ApiProperties(65536, 1024L, 1000L, 1000L, 0),
                new PostRateLimit(0, 1),
                new ForwardedClient(false),
                new ApiRequestMetrics(new SimpleMeterRegistry()));
        ApiHttpServer server = new ApiHttpServer(Vertx.vertx(), guard, "127.0.0.1", 0, 65536, Duration.ofSeconds(10));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        server.camelRouter()
                .route("/health")
                .blockingHandler(
                        ctx -> {
                            if (first.getAndSet(
                                    false)) { // only the first is held; the rest answer at once until the stop begins
                                holding.countDown();
                                await(release);
                            }
                            ctx.response().end("{\"success\": true, \"message\": \"up\", \"data\": {}}");
                        },
                        false);
        server.start();
        String health = "http://127.0.0.1:" + server.port() + "/health";

        CompletableFuture<HttpResponse<String>> inFlight =
                http.sendAsync(get(health), HttpResponse.BodyHandlers.ofString());
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::stop);
        HttpResponse<String> meanwhile = awaitRefusal(health);
        release.countDown();

        assertThat(meanwhile.statusCode()).isEqualTo(503);
        assertThat(meanwhile.body()).contains("\"success\":false").contains("shutting down");
        assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        stopped.get(10, TimeUnit.SECONDS);
        assertThat(server.isRunning()).isFalse();
    }

    /** The stop begins on another thread: the first answer after it flips is the refusal. */
    private HttpResponse<String> awaitRefusal(String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            HttpResponse<String> answer = http.sendAsync(get(url), HttpResponse.BodyHandlers.ofString())
                    .get(10, TimeUnit.SECONDS);
            if (answer.statusCode() == 503 || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(20);
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
