package dev.tally.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * {@link ApiRequestFilter}'s checks on the API's Vert.x server, in the same envelope, with the security headers
 * Spring Security writes on Tomcat. {@link #beforeBody} runs first on every request; Camel's body handler then
 * reads the body (413 past the limit, see {@link #failed}), and {@link #afterBody} checks its encoding.
 */
final class VertxApiGuard {

    private final ObjectMapper mapper;
    private final int maxBodyBytes;
    private final PostRateLimit rateLimit;
    private final ForwardedClient client;
    private final ApiRequestMetrics metrics;
    private final VertxRefusedBody refusedBody;
    private final InFlightRequests inFlight = new InFlightRequests();

    VertxApiGuard(
            ObjectMapper mapper,
            ApiProperties api,
            PostRateLimit rateLimit,
            ForwardedClient client,
            ApiRequestMetrics metrics) {
        this.metrics = metrics;
        this.mapper = mapper;
        this.maxBodyBytes = api.maxBodyBytes();
        this.rateLimit = rateLimit;
        this.client = client;
        this.refusedBody = new VertxRefusedBody(api.discardMaxBytes(), api.discardTimeoutMs());
    }

    void beforeBody(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        SecurityHeaders.write(ctx.response(), client.isSecure(request));
        if (!inFlight.begin()) {
            ctx.response().putHeader("Connection", "close").putHeader("Retry-After", ApiRules.RETRY_AFTER_SECONDS);
            refuse(ctx, 503, ApiRules.SHUTTING_DOWN);
            return;
        }
        if (inFlight.draining()) {
            // the server no longer accepts connections: this one's client sends its next request elsewhere
            ctx.response().putHeader("Connection", "close");
        }
        long started = System.nanoTime();
        ctx.addEndHandler(done -> {
            inFlight.end();
            metrics.record(ctx, started);
        });
        // broken framing (a chunk size that is no number) arrives as the request's exception, then the connection
        // closes: answer it before that, whoever reads the body by then
        request.exceptionHandler(failure -> badFraming(ctx, failure));
        String path;
        try {
            path = ctx.normalizedPath();
            if (request.query() != null) {
                ctx.queryParams(); // decoded here, or Camel's consumer fails on a bad escape with a 500
            }
        } catch (IllegalArgumentException e) {
            refuse(ctx, 400, "The request target is not valid: " + e.getMessage());
            return;
        }
        String method = request.method().name();
        List<String> allowed = ApiRules.allowedMethods(path);
        if ("TRACE".equals(method)) {
            ctx.response().putHeader("Allow", String.join(", ", allowed == null ? ApiRules.NOT_TRACE : allowed));
            refuse(ctx, 405, ApiRules.traceRefused());
        } else if (allowed == null) {
            refuse(ctx, 404, "No such resource: " + path);
        } else if (!allowed.contains(method)) {
            ctx.response().putHeader("Allow", String.join(", ", allowed));
            refuse(ctx, 405, ApiRules.methodRefused(method, path, allowed));
        } else if (!ApiRules.JOBS.equals(path)) {
            ctx.next();
        } else if ("POST".equals(method) && rateLimit.enabled() && refusedSubmission(ctx, client.address(request))) {
            return;
        } else if ("GET".equals(method)
                && BodylessGet.hasNoBody(request.getHeader("Content-Length"), request.getHeader("Transfer-Encoding"))) {
            request.headers().remove("Content-Type"); // the job listing: no body to check, nor to parse as a form
            ctx.next();
        } else if (!ApiRules.isJson(request.getHeader("Content-Type"))) {
            refuse(ctx, 400, ApiRules.JSON_ONLY);
        } else if (contentLength(request) > maxBodyBytes) {
            refuseTooLarge(ctx);
        } else {
            ctx.next();
        }
    }

    /** What Vert.x could not parse as an HTTP request, answered in the envelope before the connection closes. */
    void invalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status = 400;
        String message = "The request is not valid HTTP" + (cause == null ? "" : ": " + cause.getMessage());
        if (cause instanceof TooLongHttpLineException) {
            status = 414;
            message = "The request line is too long";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = 431;
            message = "The request's headers are too large";
        }
        HttpServerResponse response = request.response();
        SecurityHeaders.write(response, false);
        response.putHeader("Connection", "close");
        write(response, status, message);
        response.close();
    }

    /** See {@link InFlightRequests#drain}: true once the requests in flight were answered, false when time ran out. */
    boolean drain(Duration within) throws InterruptedException {
        return inFlight.drain(within);
    }

    void afterBody(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body != null && ApiRules.JOBS.equals(ctx.normalizedPath()) && !Utf8.isValid(body.getBytes())) {
            refuse(ctx, 400, ApiRules.NOT_UTF8);
            return;
        }
        ctx.next();
    }

    /** An API path no route serves, such as {@code /word-count/a/b}: Spring MVC's 404 on Tomcat. */
    void noRoute(RoutingContext ctx) {
        refuse(ctx, 404, "No such resource: " + ctx.normalizedPath());
    }

    /**
     * The body handler fails a request with 413 once the body passes the limit, Vert.x with a 4xx a request it could
     * not read; anything else is a 500.
     */
    void failed(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.response().ended()) {
            return;
        }
        if (ctx.failure() instanceof DecoderException) {
            badFraming(ctx, ctx.failure());
        } else if (status == 413) {
            refuseTooLarge(ctx);
        } else if (status >= 400 && status < 500) {
            // the router's own 400 comes without a cause: a path or query string it could not decode
            refuse(
                    ctx,
                    status,
                    ctx.failure() == null
                            ? "The request's path or query string is not valid"
                            : "The request could not be read: " + ctx.failure().getMessage());
        } else {
            refuse(ctx, 500, "Oh dear! Something unexpected occurred...");
        }
    }

    private void badFraming(RoutingContext ctx, Throwable failure) {
        if (!ctx.response().ended()) {
            ctx.response().putHeader("Connection", "close");
            refuse(ctx, 400, "The request body is not valid HTTP: " + failure.getMessage());
        }
    }

    /** 429 when this client's submissions are over the limit. */
    private boolean refusedSubmission(RoutingContext ctx, String address) {
        if (rateLimit.tryAcquire(address)) {
            return false;
        }
        ctx.response().putHeader("Retry-After", ApiRules.RETRY_AFTER_SECONDS);
        refuse(ctx, 429, ApiRules.tooManySubmissions(address));
        return true;
    }

    private static long contentLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void refuseTooLarge(RoutingContext ctx) {
        refusedBody.discard(ctx.request());
        refuse(ctx, 413, ApiRules.tooLarge(maxBodyBytes));
    }

    private void refuse(RoutingContext ctx, int status, String message) {
        write(ctx.response(), status, message);
    }

    private void write(HttpServerResponse response, int status, String message) {
        try {
            response.setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(mapper.writeValueAsBytes(ApiResponse.failure(message))));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
