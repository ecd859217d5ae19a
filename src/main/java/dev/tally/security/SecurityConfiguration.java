package dev.tally.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.web.ApiResponse;
import jakarta.servlet.Filter;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The public API stays open, as the original's was; the operator surface ({@code /admin/**} and every actuator
 * endpoint but health) needs HTTP basic auth with the admin credentials. Hawtio's page and login form are open,
 * so that its own login can ask for those credentials; what it shows comes through Jolokia, which needs them
 * (as basic auth, or as the Hawtio session that a login with them opened). On the operator surface, a
 * state-changing request a browser marks as cross-site is refused ({@link CrossSiteRequestGuard}), and the console
 * under {@code /admin/} runs under a Content-Security-Policy without inline scripts.
 */
@Configuration
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * The public API has nothing to log in to: its paths skip Spring Security's filter ({@link PublicApiBypass})
     * and get the headers Spring Security's defaults would have written.
     */
    @Bean
    static BeanPostProcessor publicApiBypassesSecurity() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME.equals(name)
                                && bean instanceof Filter security
                        ? new PublicApiBypass(security)
                        : bean;
            }
        };
    }

    /**
     * The console's page, scripts and answers: scripts and styles only from this server's files, never inline or
     * evaluated, so a dead letter's text that slipped into the page as markup still could not run.
     */
    static final String ADMIN_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, AuthenticationEntryPoint entryPoint, ObjectMapper mapper)
            throws Exception {
        // Spring's CSRF tokens would break curl and scripts (API.md); a cross-site check on Origin does not
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        // only Hawtio keeps sessions: a new id on every request would strand its parallel calls
                        .sessionFixation(fixation -> fixation.none()))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(HawtioSessionAuthentication.BROWSER_DATA)
                        .hasRole("ADMIN")
                        .requestMatchers(HawtioSessionAuthentication.PAGES)
                        .permitAll()
                        .requestMatchers("/admin/**", "/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .permitAll())
                .addFilterBefore(new CrossSiteRequestGuard(mapper), BasicAuthenticationFilter.class)
                .addFilterAfter(new HawtioSessionAuthentication(), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors // the first that matches answers
                        .defaultAuthenticationEntryPointFor(
                                HawtioSessionAuthentication.SESSION_EXPIRED,
                                HawtioSessionAuthentication.BROWSER_DATA_PATHS)
                        .defaultAuthenticationEntryPointFor(entryPoint, AnyRequestMatcher.INSTANCE))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        OperatorPaths::isAdmin, new ContentSecurityPolicyHeaderWriter(ADMIN_CONTENT_SECURITY_POLICY))))
                .build();
    }

    /** 401 in the API's envelope, with the challenge a client needs. */
    @Bean
    AuthenticationEntryPoint jsonBasicEntryPoint(ObjectMapper mapper) {
        return (request, response, failure) -> {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"tally\"");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            mapper.writeValue(
                    response.getOutputStream(),
                    ApiResponse.failure(
                            "Authentication required: use the admin credentials (TALLY_ADMIN_USER / TALLY_ADMIN_PASSWORD)"));
        };
    }

    /** Basic auth and Hawtio's login check the admin password with it. */
    @Bean
    PasswordEncoder adminPasswordEncoder() {
        return new ConfiguredPasswordEncoder();
    }

    @Bean
    UserDetailsService adminUser(AdminUserProperties admin, PasswordEncoder encoder) {
        String user = admin.user();
        String effective = admin.password();
        if (!admin.passwordSet()) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            effective = HexFormat.of().formatHex(random);
            LOG.warn("No TALLY_ADMIN_PASSWORD set: generated admin password for user '{}': {}", user, effective);
        }
        return new InMemoryUserDetailsManager(User.withUsername(user)
                .password(encoder.encode(effective))
                .roles("ADMIN")
                .build());
    }
}
