package dev.tally.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.support.FullStackTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Swagger UI at /docs/: Tally's own page, Swagger UI from the WebJar, the OpenAPI document of /openapi.json. */
class SwaggerUiIT extends FullStackTest {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SOURCE = Pattern.compile("\\b(?:src|href)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    @Test
    void thePageIsHtmlWhoseScriptsAndStylesAreAllServed() {
        HttpResponse<String> page = api.getRaw("/docs/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        List<String> scripts = scriptSources(page.body());
        assertThat(scripts).hasSize(2);
        assertThat(scripts.get(0)).endsWith("/swagger-ui-bundle.js");
        assertThat(scripts.get(1)).endsWith("swagger-initializer.js");
        Matcher references = SOURCE.matcher(page.body());
        int served = 0;
        while (references.find()) {
            String path = URI.create("/docs/").resolve(references.group(1)).getPath();
            assertThat(api.getRaw(path).statusCode()).as(path).isEqualTo(200);
            served++;
        }
        assertThat(served).as("the stylesheet, the icon and both scripts").isEqualTo(4);
    }

    @Test
    void theSwaggerUiBundleComesFromTheWebJar() {
        HttpResponse<String> bundle = api.getRaw("/webjars/swagger-ui/swagger-ui-bundle.js");

        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(bundle.body()).contains("SwaggerUIBundle").hasSizeGreaterThan(1_000_000);
    }

    @Test
    void theInitializerLoadsTallysOpenApiDocument() {
        HttpResponse<String> initializer = api.getRaw("/docs/swagger-initializer.js");

        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).contains("url: \"../openapi.json\"").doesNotContain("petstore");
        assertThat(URI.create("http://localhost/docs/")
                        .resolve("../openapi.json")
                        .getPath())
                .isEqualTo("/openapi.json");
    }

    @Test
    void thePageRunsNoInlineScriptAndSendsAPolicyThatForbidsIt() {
        HttpResponse<String> page = api.getRaw("/docs/");

        for (Matcher script = SCRIPT.matcher(page.body()); script.find(); ) {
            assertThat(script.group(1)).as("every script has a src").contains("src=");
        }
        assertThat(page.body()).doesNotContainPattern("(?i)\\son[a-z]+=");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .contains(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
    }

    @Test
    void docsWithoutTheSlashRedirectsToThePage() {
        HttpResponse<String> answer = api.getRaw("/docs");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/docs/"));
    }

    private static List<String> scriptSources(String html) {
        List<String> sources = new ArrayList<>();
        for (Matcher script = SCRIPT.matcher(html); script.find(); ) {
            Matcher source = SOURCE.matcher(script.group(1));
            if (source.find()) {
                sources.add(source.group(1));
            }
        }
        return sources;
    }
}
