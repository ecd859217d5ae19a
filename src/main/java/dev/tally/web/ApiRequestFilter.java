package dev.tally.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the API before Camel sees a request: Spring parses a non-JSON POST as a form and fails with a 500
 * page before any route runs, so content type, method and body size are answered here, in the API's envelope.
 * A {@code GET /word-count} without a body (the job listing) has no body to check, whatever its content type.
 * Paths are compared decoded and normalised, as Tomcat routes them, so {@code /%77ord-count} is no way around.
 * The rules themselves are {@link ApiRules}, shared with the Vert.x API server's {@link VertxApiGuard}.
 */
public class ApiRequestFilter extends OncePerRequestFilter implements ApplicationListener<ApplicationStartedEvent> {

    private final ObjectMapper mapper;
    private final int maxBodyBytes;
    private final PostRateLimit rateLimit;
    private final RefusedBody refusedBody;
    private final boolean apiHere;
    /** Tomcat listens before Camel has started the API's routes: until then an API path would answer 404. */
    private volatile boolean started;

    /**
     * @param apiHere False on a web JVM whose API has a server of its own (tally.api.port): Tomcat serves no API path
     *     there, so the API's paths get Spring MVC's 404 like any other path, not the API's method and body checks.
     */
    ApiRequestFilter(
            ObjectMapper mapper, int maxBodyBytes, PostRateLimit rateLimit, RefusedBody refusedBody, boolean apiHere) {
        this.apiHere = apiHere;
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
        this.rateLimit = rateLimit;
        this.refusedBody = refusedBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = pathOf(request);
        String method = request.getMethod();
        List<String> allowed = apiHere ? ApiRules.allowedMethods(path) : null;
        if ("TRACE".equals(method)) {
            response.setHeader("Allow", String.join(", ", allowed == null ? ApiRules.NOT_TRACE : allowed));
            write(response, 405, ApiRules.traceRefused());
            return;
        }
        if ("/error".equals(path)) {
            write(response, 404, "No such resource: " + path);
            return;
        }
        if (allowed == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!started) {
            response.setHeader("Retry-After", ApiRules.RETRY_AFTER_SECONDS);
            write(response, 503, ApiRules.STARTING);
            return;
        }
        if (!allowed.contains(method)) {
            response.setHeader("Allow", String.join(", ", allowed));
            write(response, 405, ApiRules.methodRefused(method, path, allowed));
            return;
        }
        if (!ApiRules.JOBS.equals(path)) {
            chain.doFilter(request, response);
            return;
        }
        if ("POST".equals(method) && !rateLimit.tryAcquire(request.getRemoteAddr())) {
            response.setHeader("Retry-After", ApiRules.RETRY_AFTER_SECONDS);
            write(response, 429, ApiRules.tooManySubmissions(request.getRemoteAddr()));
            return;
        }
        if ("GET".equals(method)
                && BodylessGet.hasNoBody(request.getHeader("Content-Length"), request.getHeader("Transfer-Encoding"))) {
            chain.doFilter(new UntypedRequest(request), response); // the job listing: no body to check
            return;
        }
        if (!ApiRules.isJson(request.getContentType())) {
            write(response, 400, ApiRules.JSON_ONLY);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            refuseTooLarge(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(maxBodyBytes + 1);
        } catch (IOException e) {
            write(response, 400, "The request body could not be read: " + e.getMessage());
            return;
        }
        if (body.length > maxBodyBytes) {
            refuseTooLarge(request, response);
            return;
        }
        if (!Utf8.isValid(body)) {
            write(response, 400, ApiRules.NOT_UTF8);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        started = true;
    }

    /** A path of the public API (jobs and /health), decoded and normalised as Tomcat routes it. */
    public static boolean isApiPath(HttpServletRequest request) {
        return ApiRules.allowedMethods(pathOf(request)) != null;
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /** 413, then the rest of the body read and dropped (within bounds) so that the client gets to read the answer. */
    private void refuseTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, 413, ApiRules.tooLarge(maxBodyBytes));
        if (refusedBody.worthDiscarding(request)) {
            response.flushBuffer();
            refusedBody.discard(request);
        }
    }

    private void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        // not writeValue(stream): it closes the stream, which ends the exchange before a refused body is discarded
        byte[] body = mapper.writeValueAsBytes(ApiResponse.failure(message));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
