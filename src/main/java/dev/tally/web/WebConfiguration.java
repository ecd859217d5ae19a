package dev.tally.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class WebConfiguration {

    /** Tomcat would answer TRACE itself, outside the envelope; ApiRequestFilter refuses it on every path instead. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> traceReachesTheFilter() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
    }

    /** A bean, not only the registration's filter, so that it hears when the application has started. */
    @Bean
    ApiRequestFilter apiRequestFilter(
            ObjectMapper mapper,
            ApiProperties api,
            RateLimitProperties rateLimit,
            // the condition that puts the API on a server of its own (VertxApiServer), not a second spelling of it
            @Value("#{!(" + VertxApiServer.API_ON_ITS_OWN_SERVER + ")}") boolean apiOnTomcat) {
        return new ApiRequestFilter(
                mapper,
                api.maxBodyBytes(),
                new PostRateLimit(rateLimit.perSecond(), rateLimit.burst()),
                new RefusedBody(api.discardMaxBytes(), Duration.ofMillis(api.discardTimeoutMs())),
                apiOnTomcat);
    }

    @Bean
    FilterRegistrationBean<ApiRequestFilter> apiRequestFilterRegistration(ApiRequestFilter filter) {
        FilterRegistrationBean<ApiRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
