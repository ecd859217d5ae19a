package dev.tally.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ConsoleSecurityPolicyTest {

    @Test
    void theConsoleAndItsWebJarsAreConsolePaths() {
        assertThat(ConsoleSecurityPolicy.isConsolePath("/")).isTrue();
        assertThat(ConsoleSecurityPolicy.isConsolePath("/index.html")).isTrue();
        assertThat(ConsoleSecurityPolicy.isConsolePath("/console/main.js")).isTrue();
        assertThat(ConsoleSecurityPolicy.isConsolePath("/webjars/echarts/dist/echarts.esm.min.js"))
                .isTrue();
    }

    @Test
    void hawtioTheApiAndLookalikesAreNot() {
        assertThat(ConsoleSecurityPolicy.isConsolePath("/actuator/hawtio/index.html"))
                .isFalse();
        assertThat(ConsoleSecurityPolicy.isConsolePath("/actuator/hawtio/")).isFalse();
        assertThat(ConsoleSecurityPolicy.isConsolePath("/word-count")).isFalse();
        assertThat(ConsoleSecurityPolicy.isConsolePath("/health")).isFalse();
        assertThat(ConsoleSecurityPolicy.isConsolePath("/consoles")).isFalse();
        assertThat(ConsoleSecurityPolicy.isConsolePath("/console")).isFalse();
    }

    @Test
    void thePolicyAllowsNoInlineOrEvaluatedScript() {
        assertThat(ConsoleSecurityPolicy.POLICY)
                .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void theFilterSetsTheHeaderOnlyOnConsolePaths() throws Exception {
        assertThat(policyFor("/console/console.css", null)).isEqualTo(ConsoleSecurityPolicy.POLICY);
        // an actuator endpoint's servlet path is /actuator, the rest is path info
        assertThat(policyFor("/actuator", "/hawtio/index.html")).isNull();
        assertThat(policyFor("/word-count", null)).isNull();
    }

    private static String policyFor(String servletPath, String pathInfo) throws Exception {
        MockHttpServletRequest request =
                new MockHttpServletRequest("GET", servletPath + (pathInfo == null ? "" : pathInfo));
        request.setServletPath(servletPath);
        request.setPathInfo(pathInfo);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ConsoleSecurityPolicy().doFilter(request, response, new MockFilterChain());
        return response.getHeader(ConsoleSecurityPolicy.HEADER);
    }
}
