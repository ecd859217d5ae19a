package dev.tally.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.web.ApiResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 403, a state-changing request to the operator surface that a browser marks as coming from another
 * site. A browser sends the basic-auth credentials it has cached with any request to this server, whichever page
 * made it, so without this check a page elsewhere could purge or replay the dead letters. Browsers send
 * {@code Origin} with every POST, PUT, DELETE and PATCH, and newer ones {@code Sec-Fetch-Site}; curl and scripts
 * send neither and pass. Hawtio's own POSTs (its login, Jolokia) come from its page on this server and pass too.
 * Not a bean: Spring Boot would also register it on every path.
 */
final class CrossSiteRequestGuard extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");

    private final ObjectMapper mapper;

    CrossSiteRequestGuard(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !OperatorPaths.isOperator(request) || !STATE_CHANGING.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), ApiResponse.failure(refusal));
    }

    /** Why the request is refused, or null when nothing says it comes from another site. */
    static String refusal(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && !ServerOrigin.of(request).matches(origin)) {
            return "Cross-site request refused: the `Origin` header (" + origin + ") is not this server's origin ("
                    + ServerOrigin.of(request) + ")";
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !SAME_SITE_FETCHES.contains(fetchSite)) {
            return "Cross-site request refused: the `Sec-Fetch-Site` header is " + fetchSite
                    + "; only same-origin or none may change anything";
        }
        return null;
    }
}
