package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The API's server stops as Tomcat's graceful shutdown does: a new connection is refused (so nginx sends the request,
 * a POST included, to the next web JVM), a request in flight is answered, and so is one that arrives meanwhile on a
 * connection already open, which it then closes; only then does the server close. Over real HTTP, with a route that
 * holds its request as a POST waiting for its batch's commit does.
 */
class ApiHttpServerStopTest {

    private static final String HOLD = "X-Hold";

    /** Keeps its connections open between requests, as nginx's upstream keep-alive does. */
    private final HttpClient kept = http();

    @Test
    void newConnectionsAreRefusedWhileRequestsOnOpenOnesAreAnswered() throws Exception {
        ApiHttpServer server = new ApiHttpServer(Vertx.vertx(), guard(), "127.0.0.1", 0, 65536, Duration.ofSeconds(10));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.camelRouter()
                .route("/health")
                .blockingHandler(
                        ctx -> {
                            if (ctx.request().getHeader(HOLD) != null) {
                                holding.countDown();
                                await(release);
                            }
                            ctx.response().end("{\"success\": true, \"message\": \"up\", \"data\": {}}");
                        },
                        false);
        server.start();
        String health = "http://127.0.0.1:" + server.port() + "/health";
        CompletableFuture<HttpResponse<String>> inFlight = kept.sendAsync(
                HttpRequest.newBuilder(URI.create(health)).header(HOLD, "1").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kept.send(get(health), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("a second connection, left open")
                .isEqualTo(200);

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::stop);
        assertThat(refusedWithin(health, Duration.ofSeconds(10)))
                .as("a new connection is refused once the stop begins")
                .isTrue();
        HttpResponse<String> onOpenConnection = kept.send(get(health), HttpResponse.BodyHandlers.ofString());
        release.countDown();

        assertThat(onOpenConnection.statusCode()).isEqualTo(200);
        assertThat(onOpenConnection.headers().firstValue("Connection")).hasValue("close");
        assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        stopped.get(10, TimeUnit.SECONDS);
        assertThat(server.isRunning()).isFalse();
    }

    private static VertxApiGuard guard() {
        return new VertxApiGuard(
                new ObjectMapper(),
                new ApiProperties(65536, 1024L, 1000L, 1000L, 0),
                new PostRateLimit(0, 1),
                new ForwardedClient(false),
                new ApiRequestMetrics(new SimpleMeterRegistry()));
    }

    /** The stop begins on another thread: a client with no open connection tries until it cannot connect. */
    private static boolean refusedWithin(String url, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                http().send(get(url), HttpResponse.BodyHandlers.discarding());
            } catch (ConnectException e) {
                return true;
            } catch (IOException e) {
                // answered or cut some other way: not yet refused
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
