package dev.tally.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.CamelRequestHandlerMapping;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API (every platform-http route) on a Vert.x server of its own port, tally.api.port, when it is set on a web
 * JVM; Tomcat keeps the operator surface, the console and Swagger UI. A proxy routes the API's paths to that port
 * (nginx/tally.conf.template). A request there skips Tomcat, the servlet filters and Spring MVC's dispatch: about
 * half of a 404's CPU and a quarter of a POST's (bench/limits.md). {@link VertxApiGuard} answers what
 * {@link ApiRequestFilter} answers on Tomcat.
 */
@Configuration
@ConditionalOnExpression(VertxApiServer.API_ON_ITS_OWN_SERVER)
class VertxApiServer {

    /** A web JVM with tally.api.port set; else InlinePlatformHttpEngine serves the API on Tomcat. */
    static final String API_ON_ITS_OWN_SERVER = "${tally.web.enabled:false} and '${tally.api.port:}' != ''";

    @Bean
    ApiHttpServer apiHttpServer(
            ApiProperties api,
            ServerProperties server,
            VertxApiGuard guard,
            @Value("${server.tomcat.threads.max}") int threads,
            @Value("${tally.shutdown.timeout-seconds}") long shutdownSeconds) {
        // a POST holds its worker thread while it waits for its batch's commit: Tomcat's bound on requests in flight
        Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(threads));
        String host =
                server.getAddress() == null ? "0.0.0.0" : server.getAddress().getHostAddress();
        return new ApiHttpServer(
                vertx, guard, host, api.port(), api.maxBodyBytes(), Duration.ofSeconds(shutdownSeconds));
    }

    /** Found by name by Camel's consumers, each of which adds its route to it. */
    @Bean(VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO)
    VertxPlatformHttpRouter apiRouter(ApiHttpServer server) {
        return server.camelRouter();
    }

    @Bean(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME)
    PlatformHttpEngine platformHttpEngine(VertxApiGuard guard) {
        VertxPlatformHttpEngine engine = new VertxPlatformHttpEngine();
        engine.setHandlers(List.of(guard::afterBody));
        return engine;
    }

    @Bean
    ResponseBodies responseBodies() {
        return Buffer::buffer;
    }

    @Bean
    VertxApiGuard vertxApiGuard(
            ObjectMapper mapper,
            ApiProperties api,
            RateLimitProperties rateLimit,
            MeterRegistry registry,
            @Value("${server.forward-headers-strategy:none}") String forwardHeaders) {
        return new VertxApiGuard(
                mapper,
                api,
                new PostRateLimit(rateLimit.perSecond(), rateLimit.burst()),
                new ForwardedClient(!"none".equalsIgnoreCase(forwardHeaders)),
                new ApiRequestMetrics(registry));
    }

    /** The starter's Spring MVC mapping would register every route with Tomcat too, and expects its own consumers. */
    @Bean
    SmartInitializingSingleton apiRoutesOnlyOnVertx(
            CamelContext camel, @Qualifier("platformHttpEngineRequestMapping") CamelRequestHandlerMapping mapping) {
        return () ->
                camel.getComponent("platform-http", PlatformHttpComponent.class).removePlatformHttpListener(mapping);
    }
}
