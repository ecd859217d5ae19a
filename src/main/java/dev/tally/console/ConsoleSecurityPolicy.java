package dev.tally.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web console's pages, scripts, styles and the WebJars they load come with a Content-Security-Policy that
 * runs only scripts and styles served from here, never inline ones or eval: whatever a document, a URL or a
 * failure reason contains, the page shows it as text. Other paths keep their own rules; Hawtio, under
 * /actuator/hawtio, needs inline styles and must not get this policy.
 */
class ConsoleSecurityPolicy extends OncePerRequestFilter {

    static final String HEADER = "Content-Security-Policy";
    static final String POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'self'");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isConsolePath(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))) {
            response.setHeader(HEADER, POLICY);
        }
        chain.doFilter(request, response);
    }

    /** The console's own paths, decoded and normalised as Tomcat routes them. */
    static boolean isConsolePath(String path) {
        return "/".equals(path)
                || "/index.html".equals(path)
                || path.startsWith("/console/")
                || path.startsWith("/webjars/");
    }
}
