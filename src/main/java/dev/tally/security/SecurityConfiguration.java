package dev.tally.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.web.ApiRequestFilter;
import dev.tally.web.ApiResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
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
     * The public API first, on a chain of its own: it has nothing to log in to, so it skips the login, session,
     * saved-request and authorization filters, and no path matching through Spring MVC's handler lookup; it keeps
     * the security headers. The full chain cost a fifth of a POST's CPU in the web tier (bench/report.md).
     */
    @Bean
    @Order(1)
    SecurityFilterChain publicApi(HttpSecurity http) throws Exception {
        // the filter that answers the API's methods and content types decides what the API's paths are
        return http.securityMatcher(ApiRequestFilter::isApiPath)
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .headers(Customizer.withDefaults())
                .build();
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

    @Bean
    UserDetailsService adminUser(AdminUserProperties admin) {
        String user = admin.user();
        String effective = admin.password();
        if (!admin.passwordSet()) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            effective = HexFormat.of().formatHex(random);
            LOG.warn("No TALLY_ADMIN_PASSWORD set: generated admin password for user '{}': {}", user, effective);
        }
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername(user)
                .password(encoder.encode(effective))
                .roles("ADMIN")
                .build());
    }
}
