package dev.tally.admin;

import dev.tally.web.InlinePlatformHttpEngine;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.springboot.CamelRequestHandlerMapping;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code admin-http:}, the component of the operator routes (admin.camel.yaml): platform-http, always on Tomcat
 * behind Spring Security's operator chain, also when the public API has a Vert.x server of its own
 * (TALLY_API_PORT), which serves every route of the {@code platform-http} component.
 */
@Configuration
class AdminHttp {

    @Bean("admin-http")
    PlatformHttpComponent adminHttp(ServerProperties server) {
        PlatformHttpComponent component = new PlatformHttpComponent();
        component.setEngine(InlinePlatformHttpEngine.onTomcatThreads(server));
        return component;
    }

    /** Spring MVC's mapping of the operator routes to their consumers, as the starter's maps platform-http's. */
    @Bean
    CamelRequestHandlerMapping adminHttpRequestMapping(PlatformHttpComponent adminHttp) {
        return new CamelRequestHandlerMapping(adminHttp, adminHttp.getEngine());
    }
}
