package dev.tally.web;

import java.util.Objects;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Runs each API route on the Tomcat thread that took the request. Camel's default engine hands every request to
 * Spring's task pool and parks the Tomcat thread: two threads and two context switches per request, on a
 * 2-core box a measurable share of a POST's CPU (bench/report.md). Tomcat's own pool (server.tomcat.threads.max)
 * now bounds the requests in flight, and graceful shutdown waits for them as for any servlet request.
 */
@Configuration
@ConditionalOnExpression("!(" + VertxApiServer.API_ON_ITS_OWN_SERVER + ")")
public class InlinePlatformHttpEngine {

    @Bean(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME)
    PlatformHttpEngine platformHttpEngine(ServerProperties server) {
        return onTomcatThreads(server);
    }

    /** Spring Boot's engine, running each route on the Tomcat thread that took its request. */
    public static PlatformHttpEngine onTomcatThreads(ServerProperties server) {
        return new SpringBootPlatformHttpEngine(Objects.requireNonNullElse(server.getPort(), 8080), Runnable::run);
    }

    /** Tomcat writes bytes as they are. */
    @Bean
    ResponseBodies responseBodies() {
        return bytes -> bytes;
    }

    /** The route has answered when the handler returns: no async dispatch after it. */
    @Bean
    SmartInitializingSingleton finishedRoutesEndTheirRequest(RequestMappingHandlerAdapter adapter) {
        return () -> FinishedRouteReturnValueHandler.installFirst(adapter);
    }
}
