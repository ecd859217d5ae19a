package dev.tally.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.support.FullStackTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web console at / is served with its Content-Security-Policy, as are its modules, its style sheet and the
 * ECharts WebJar (by a path without its version); Hawtio keeps its own policy. The browser test
 * (src/test/browser/console.test.mjs) drives the console itself.
 */
class ConsoleIT extends FullStackTest {

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'self'";
    private static final Pattern MODULE_IMPORT = Pattern.compile("from '\\./([a-z-]+\\.js)'");

    @Test
    void thePageAndWhatItLoadsCarryThePolicy() {
        for (String path : List.of(
                "/",
                "/index.html",
                "/console/main.js",
                "/console/console.css",
                "/console/icon.svg",
                "/webjars/echarts/dist/echarts.esm.min.js")) {
            HttpResponse<String> answer = api.getRaw(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue(POLICY);
        }
    }

    @Test
    void thePageHasNoInlineScriptStyleOrHandlerForThePolicyToBlock() {
        String page = api.getRaw("/").body();
        assertThat(page).contains("<script type=\"module\" src=\"/console/main.js\"></script>");
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(page).doesNotContainPattern("\\sstyle=|<style|\\son[a-z]+=|javascript:");
    }

    @Test
    void everyModuleTheConsoleImportsIsServed() {
        List<String> seen = new java.util.ArrayList<>(List.of("main.js"));
        for (int next = 0; next < seen.size(); next++) {
            HttpResponse<String> module = api.getRaw("/console/" + seen.get(next));
            assertThat(module.statusCode()).as(seen.get(next)).isEqualTo(200);
            assertThat(module.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
            Matcher imports = MODULE_IMPORT.matcher(module.body());
            while (imports.find()) {
                if (!seen.contains(imports.group(1))) {
                    seen.add(imports.group(1));
                }
            }
        }
        assertThat(seen).contains("api.js", "job-view.js", "job-list.js", "word-chart.js", "word-table.js");
    }

    @Test
    void hawtioKeepsItsOwnPolicy() {
        HttpResponse<String> hawtio = api.getRaw("/actuator/hawtio/index.html");
        assertThat(hawtio.statusCode()).isEqualTo(200);
        assertThat(hawtio.headers().allValues("Content-Security-Policy")).doesNotContain(POLICY);
    }
}
