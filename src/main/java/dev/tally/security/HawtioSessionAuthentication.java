package dev.tally.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import javax.security.auth.Subject;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser logged in through Hawtio's form carries Hawtio's session instead of basic credentials: its JAAS subject,
 * made by {@link AdminLoginModule}, counts as the admin for Jolokia. Each login starts a new session, so a session id
 * planted before the login is worth nothing. Not a bean: Spring Boot would also register it on every path.
 */
final class HawtioSessionAuthentication extends OncePerRequestFilter {

    /** What the Hawtio page reads through the browser's session; the page itself and its login form are open. */
    static final String[] BROWSER_DATA = {"/actuator/hawtio/jolokia/**", "/actuator/hawtio/proxy/**"};

    static final String[] PAGES = {"/actuator/hawtio", "/actuator/hawtio/**"};

    /** Hawtio's page treats 403 as "session expired" and shows its login; a 401 challenge would open a browser dialog. */
    static final AuthenticationEntryPoint SESSION_EXPIRED = (request, response, failure) -> response.sendError(403);

    static final RequestMatcher BROWSER_DATA_PATHS =
            new OrRequestMatcher(antMatcher(BROWSER_DATA[0]), antMatcher(BROWSER_DATA[1]));

    /** Where Hawtio keeps the logged-in subject (io.hawt.web.auth.AuthSessionHelpers). */
    private static final String SUBJECT = "subject";

    private static final RequestMatcher LOGIN = antMatcher(HttpMethod.POST, "/actuator/hawtio/auth/login");
    private static final RequestMatcher SESSION_PATHS =
            new OrRequestMatcher(antMatcher("/actuator/jolokia/**"), BROWSER_DATA_PATHS);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SESSION_PATHS.matches(request) && !LOGIN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (LOGIN.matches(request)) {
            if (session != null) {
                session.invalidate(); // Hawtio's login then opens a fresh one
            }
        } else if (session != null && session.getAttribute(SUBJECT) instanceof Subject subject) {
            subject.getPrincipals(AdminLoginModule.UserPrincipal.class).stream()
                    .findFirst()
                    .ifPresent(admin -> {
                        SecurityContext context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                admin.getName(),
                                null,
                                List.of(new SimpleGrantedAuthority(AdminLoginModule.ADMIN_ROLE))));
                        SecurityContextHolder.setContext(context);
                    });
        }
        chain.doFilter(request, response);
    }
}
