package dev.tally.console;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The web console at / is static files (resources/static); this adds its security policy to their responses. */
@Configuration
class ConsoleConfiguration {

    @Bean
    FilterRegistrationBean<ConsoleSecurityPolicy> consoleSecurityPolicy() {
        FilterRegistrationBean<ConsoleSecurityPolicy> registration =
                new FilterRegistrationBean<>(new ConsoleSecurityPolicy());
        // before Spring Security and the API filter, so an answer they write early has the header too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
