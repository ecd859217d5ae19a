package dev.tally.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.TallyApplication;
import dev.tally.support.ApiClient;
import dev.tally.support.DocumentServer;
import dev.tally.support.RouteFiles;
import dev.tally.support.TestStack;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tally started with TALLY_ROUTES_DIR on a copy of the built-in route files: edits are live on the next job,
 * a broken edit leaves the running routes as they were and says why, and an edited route configuration
 * reaches the routes that use it. Each test starts from the built-in files.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TallyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class LiveRouteReloadIT {

    private static final RouteFiles ROUTES = RouteFiles.copyOfBuiltIns("live");
    private static final String WORKER = "worker.camel.yaml";
    private static final String ERRORS = "errors.camel.yaml";
    /** A stable step of the worker route, to insert before. */
    private static final String FETCH_STEP = "        - bean:\n            ref: documentFetcher\n";

    private static final String BLOCKING_STEPS = """
                    - log:
                        message: "edited live: checking ${exchangeProperty.jobUrl}"
                    - filter:
                        simple: "${exchangeProperty.jobUrl} contains '/blocked/'"
                        steps:
                          - throwException:
                              exceptionType: dev.tally.fetch.PermanentFetchException
                              message: "blocked by the operator"
            """;
    private static final Duration RELOAD = Duration.ofSeconds(20);
    private static final Duration JOB = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void routesFromDirectory(DynamicPropertyRegistry registry) {
        TestStack.register(registry, ".reload");
        registry.add("tally.routes-dir", () -> ROUTES.directory().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    ApiClient api;
    DocumentServer documents;

    @BeforeEach
    void builtInRoutes() {
        api = new ApiClient(port);
        documents = TestStack.documents();
        for (String file : RouteFiles.BUILT_IN) {
            if (!ROUTES.isBuiltIn(file)) {
                applied(() -> ROUTES.write(file, RouteFiles.builtIn(file)));
            }
        }
    }

    @Test
    void anEditedWorkerRouteChangesTheNextJobWithoutARestart(CapturedOutput output) {
        Route api = camel.getRoute("api-post-word-count");
        assertThat(statusOf(documents.url("/blocked/before.txt"))).isEqualTo("COMPLETE");

        applied(() -> ROUTES.write(WORKER, RouteFiles.builtInWith(WORKER, FETCH_STEP, BLOCKING_STEPS + FETCH_STEP)));

        JsonNode blocked = finished(documents.url("/blocked/after.txt"));
        assertThat(blocked.path("status").asText()).isEqualTo("FAIL");
        assertThat(blocked.path("error").asText()).isEqualTo("blocked by the operator");
        assertThat(statusOf(documents.url("/allowed.txt"))).isEqualTo("COMPLETE");
        assertThat(output.getOut()).contains("edited live: checking " + documents.url("/allowed.txt"));
        assertThat(camel.getRoute("api-post-word-count"))
                .as("routes of other files keep running (routes-reload-remove-all-routes=false)")
                .isSameAs(api);
    }

    @Test
    void aBrokenEditLeavesTheRunningRoutesAndLogsWhy(CapturedOutput output) {
        Route worker = camel.getRoute("worker-count-words");

        rejected(() ->
                ROUTES.write(WORKER, RouteFiles.builtInWith(WORKER, FETCH_STEP, "      broken: [yaml\n" + FETCH_STEP)));

        awaitLogged(
                output,
                "Error reloading routes from file: " + ROUTES.directory().resolve(WORKER)
                        + " due to: not applied, its routes run unchanged: ParserException: while parsing a flow sequence");
        assertThat(camel.getRoute("worker-count-words")).as("never stopped").isSameAs(worker);
        assertThat(statusOf(documents.url("/blocked/after-bad-yaml.txt"))).isEqualTo("COMPLETE");

        // parses, but cannot be built: Camel has already removed the worker routes when it finds out
        rejected(() -> ROUTES.write(WORKER, RouteFiles.builtInWith(WORKER, "ref: documentFetcher", "ref: noSuchBean")));

        awaitLogged(
                output,
                "Error reloading routes from file: " + ROUTES.directory().resolve(WORKER)
                        + " due to: not applied, its previous version was loaded again and runs as before: "
                        + "NoSuchBeanException: No bean could be found in the registry for: noSuchBean");
        assertThat(camel.getRouteController()
                        .getRouteStatus("worker-count-words")
                        .isStarted())
                .isTrue();
        assertThat(statusOf(documents.url("/blocked/after-bad-bean.txt"))).isEqualTo("COMPLETE");

        // and the next good edit still applies
        applied(() -> ROUTES.write(WORKER, RouteFiles.builtInWith(WORKER, FETCH_STEP, BLOCKING_STEPS + FETCH_STEP)));
        assertThat(statusOf(documents.url("/blocked/after-good-edit.txt"))).isEqualTo("FAIL");
    }

    @Test
    void anEditedRouteConfigurationReachesTheRoutesThatUseIt() {
        assertThat(fetchesOf("/broken")).as("1 + tally.redelivery.max-attempts").isEqualTo(4);

        applied(() -> ROUTES.write(
                ERRORS,
                RouteFiles.builtInWith(
                        ERRORS,
                        "maximumRedeliveries: \"{{tally.redelivery.max-attempts}}\"",
                        "maximumRedeliveries: \"0\"")));
        assertThat(fetchesOf("/broken")).as("no retries after the edit").isEqualTo(1);

        rejected(() -> ROUTES.write(
                ERRORS,
                RouteFiles.builtInWith(
                                ERRORS,
                                "maximumRedeliveries: \"{{tally.redelivery.max-attempts}}\"",
                                "maximumRedeliveries: \"0\"")
                        .replace("- dev.tally.fetch.PermanentFetchException", "- dev.tally.fetch.NoSuchException")));
        assertThat(fetchesOf("/broken"))
                .as("the last good configuration still applies")
                .isEqualTo(1);
        assertThat(statusOf(documents.url("/after-bad-configuration.txt"))).isEqualTo("COMPLETE");
    }

    /** Runs a job for the document server's 500 page and returns how often the worker fetched it. */
    private int fetchesOf(String path) {
        int before = documents.hits(path);
        JsonNode job = finished(documents.url(path));
        assertThat(job.path("status").asText()).isEqualTo("FAIL");
        return documents.hits(path) - before;
    }

    private String statusOf(String url) {
        return finished(url).path("status").asText();
    }

    private JsonNode finished(String url) {
        return api.awaitFinished(api.submitOk(url), JOB);
    }

    private void applied(Runnable edit) {
        awaitIncrease(watcher()::getReloadCounter, edit, "a reload");
    }

    private void rejected(Runnable edit) {
        awaitIncrease(watcher()::getFailedCounter, edit, "a failed reload");
    }

    private static void awaitIncrease(IntSupplier counter, Runnable edit, String what) {
        int before = counter.getAsInt();
        edit.run();
        await(what).atMost(RELOAD).pollInterval(Duration.ofMillis(50)).until(() -> counter.getAsInt() > before);
    }

    /** Camel counts a failed reload before it logs it. */
    private static void awaitLogged(CapturedOutput output, String line) {
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(output.getOut()).contains(line));
    }

    private RouteWatcherReloadStrategy watcher() {
        RouteWatcherReloadStrategy watcher = camel.hasService(RouteWatcherReloadStrategy.class);
        assertThat(watcher).as("live reload on").isNotNull();
        return watcher;
    }
}
