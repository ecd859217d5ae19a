package dev.tally.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code http_server_requests_seconds} for the API's requests on its Vert.x server, with the tags Spring's
 * observation gives Tomcat's ({@code uri} the route's pattern, {@code /word-count/{jobId}}), so that dashboards
 * and docs/operations.md hold whichever server took the request. Prometheus wants one set of tag keys per name.
 */
final class ApiRequestMetrics {

    private static final String NAME = "http.server.requests";

    private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");

    private final MeterRegistry registry;
    // Vert.x's route path to Spring's pattern, one entry a route: not a regular expression per request
    private final Map<String, String> uris = new ConcurrentHashMap<>();

    ApiRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(RoutingContext ctx, long startedNanos) {
        int status = ctx.response().getStatusCode();
        Tags tags = Tags.of(
                "error", "none",
                "exception", "none",
                "method", ctx.request().method().name(),
                "outcome", Outcome.forStatus(status).name(),
                "status", String.valueOf(status),
                "uri", uriOf(ctx.currentRoute()));
        Timer.builder(NAME)
                .tags(tags)
                .register(registry)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private String uriOf(Route route) {
        String path = route == null ? null : route.getPath();
        return path == null
                ? "UNKNOWN"
                : uris.computeIfAbsent(path, p -> PARAMETER.matcher(p).replaceAll("{$1}"));
    }
}
