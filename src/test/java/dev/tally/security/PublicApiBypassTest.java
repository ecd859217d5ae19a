package dev.tally.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PublicApiBypassTest {

    private final AtomicInteger securityRuns = new AtomicInteger();
    private final Filter security = (request, response, chain) -> {
        securityRuns.incrementAndGet();
        chain.doFilter(request, response);
    };
    private final PublicApiBypass bypass = new PublicApiBypass(security);

    @Test
    void apiPathsSkipSecurityAndGetItsDefaultHeaders() throws Exception {
        for (String path : new String[] {"/word-count", "/word-count/6b0a3fb4e08e95152fdf5444", "/health"}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            bypass.doFilter(request(path), response, chain);

            assertThat(chain.getRequest()).as(path).isNotNull();
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeader("X-XSS-Protection")).isEqualTo("0");
            assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache, no-store, max-age=0, must-revalidate");
            assertThat(response.getHeader("Pragma")).isEqualTo("no-cache");
            assertThat(response.getHeader("Expires")).isEqualTo("0");
            assertThat(response.getHeader("Strict-Transport-Security")).isNull(); // plain HTTP, as Spring's writer
        }
        assertThat(securityRuns).hasValue(0);
    }

    @Test
    void everyOtherPathGoesThroughSecurity() throws Exception {
        for (String path : new String[] {"/admin/overview", "/actuator/prometheus", "/", "/openapi.json", "/error"}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            bypass.doFilter(request(path), response, new MockFilterChain());
            assertThat(response.getHeader("X-Content-Type-Options")).as(path).isNull();
        }
        assertThat(securityRuns).hasValue(5);
    }

    @Test
    void anEncodedApiPathLookalikeIsDecidedAsTomcatRoutesIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin/%2e%2e/word-count");
        request.setServletPath("/admin/overview");
        bypass.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(securityRuns).hasValue(1);
    }

    /** As Tomcat hands it over: the servlet path decoded and normalised. */
    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        return request;
    }
}
