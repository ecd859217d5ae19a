package dev.tally.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * The API's Vert.x HTTP server. Its router holds {@link VertxApiGuard}'s handlers ahead of the routes Camel's
 * platform-http consumers add through {@link #camelRouter}; requests that Vert.x cannot parse as HTTP get the
 * guard's envelope too. Its own rather than Camel's server: that one offers no way to answer those requests.
 * It listens once the application has started, not with the context's other lifecycles: until Camel has started
 * its routes the router would answer every API request 404, where a port not yet listening sends the proxy on to
 * the next web JVM.
 */
public final class ApiHttpServer implements SmartLifecycle, ApplicationListener<ApplicationStartedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHttpServer.class);
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Vertx vertx;
    private final Router router;
    private final VertxApiGuard guard;
    private final String host;
    private final int port;
    private final int maxBodyBytes;
    private final Duration shutdownTimeout;
    private volatile HttpServer server;

    ApiHttpServer(Vertx vertx, VertxApiGuard guard, String host, int port, int maxBodyBytes, Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
        this.vertx = vertx;
        this.guard = guard;
        this.host = host;
        this.port = port;
        this.maxBodyBytes = maxBodyBytes;
        this.router = Router.router(vertx);
        router.route().handler(guard::beforeBody).failureHandler(guard::failed);
        router.route().order(Integer.MAX_VALUE).handler(guard::noRoute);
        // what the router fails itself, before any route's failure handler (a path it cannot decode, say)
        for (int status : new int[] {400, 404, 405, 413, 500}) {
            router.errorHandler(status, guard::failed);
        }
    }

    /** The router under the name Camel's consumers look for when their engine names no server of its own. */
    VertxPlatformHttpRouter camelRouter() {
        return new VertxPlatformHttpRouter(
                null, vertx, router, VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO) {
            @Override
            public Handler<RoutingContext> bodyHandler() {
                // no file uploads: the API takes JSON only, and a body past the limit fails with 413
                BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
                return ctx -> {
                    ctx.request().resume();
                    body.handle(ctx);
                };
            }
        };
    }

    public int port() {
        HttpServer listening = server;
        return listening == null ? port : listening.actualPort();
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        start();
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public void start() {
        if (server != null) {
            return;
        }
        try {
            server = vertx.createHttpServer(new HttpServerOptions())
                    .invalidRequestHandler(guard::invalid)
                    .requestHandler(router)
                    .listen(port, host)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The API's server could not listen on " + host + ":" + port, e);
        }
    }

    /**
     * Stops as Tomcat's graceful shutdown does and in its phase, before Camel stops: new connections are refused, the
     * requests in flight and those still arriving on open connections are answered (each closing its connection), and
     * only then does the server close.
     */
    @Override
    public void stop() {
        HttpServer listening = server;
        if (listening != null && !ListeningSocket.close(listening)) {
            LOG.warn("The API's server could not stop accepting connections first: it accepts them until it closes");
        }
        try {
            if (!guard.drain(shutdownTimeout)) {
                LOG.warn("The API's server closes with requests unanswered after {}", shutdownTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
        if (listening != null) {
            listening.close();
        }
        vertx.close();
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE;
    }
}
