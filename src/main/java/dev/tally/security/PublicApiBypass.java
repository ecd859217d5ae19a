package dev.tally.security;

import dev.tally.web.ApiRequestFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * Spring Security's filter, except on the public API's paths. The API has nothing to log in to, but even a chain
 * of its own cost it a fifth of a 404's CPU: Spring Security's handler-lookup cache (a second Spring MVC handler
 * lookup per request), the chain's observations and its request wrappers (bench/limits.md). API answers get the
 * security headers that chain wrote (Spring Security's defaults), written by the same writers.
 */
final class PublicApiBypass implements Filter {

    private static final List<HeaderWriter> DEFAULT_HEADERS = List.of(
            new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(),
            new CacheControlHeadersWriter(),
            new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter());

    private final Filter security;

    PublicApiBypass(Filter security) {
        this.security = security;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http
                && response instanceof HttpServletResponse answer
                && ApiRequestFilter.isApiPath(http)) {
            for (HeaderWriter writer : DEFAULT_HEADERS) {
                writer.writeHeaders(http, answer);
            }
            chain.doFilter(request, response);
            return;
        }
        security.doFilter(request, response, chain);
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        security.init(config);
    }

    @Override
    public void destroy() {
        security.destroy();
    }
}
