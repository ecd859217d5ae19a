package dev.tally.reload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.support.ApiClient;
import dev.tally.support.FreePort;
import dev.tally.support.RouteFiles;
import dev.tally.support.TestStack;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The packaged jar, configured only through environment variables as an operator would: the route
 * placeholders take them (worker concurrency, redelivery), and TALLY_ROUTES_DIR loads the routes from a
 * directory with live reload.
 */
class EnvironmentSettingsIT {

    private static final String QUEUE_SUFFIX = ".env";

    @Test
    void environmentVariablesReachTheRoutes() throws Exception {
        Path jar = Path.of("target", "tally.jar");
        assertThat(jar).as("run after mvn package").exists();
        RouteFiles routes = RouteFiles.copyOfBuiltIns("env");
        Map<String, String> settings = TestStack.childProcessSettings(QUEUE_SUFFIX);
        int port = FreePort.find();
        Path log = Files.createTempFile("tally-env", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Xmx256m", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(settings);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("TALLY_ROUTES_DIR", routes.directory().toString());
        builder.environment().put("TALLY_WORKER_CONCURRENCY", "3");
        builder.environment().put("TALLY_REDELIVERY_MAX_ATTEMPTS", "1");
        builder.environment().put("TALLY_REDELIVERY_INITIAL_DELAY_MS", "50");
        Process tally = builder.start();
        try {
            ApiClient api = new ApiClient(port);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> api.send("GET", "/health", null, null).status() == 200);

            awaitConsumers(settings.get("TALLY_QUEUE"), 3);

            int before = TestStack.documents().hits("/broken");
            String jobId = api.submitOk(TestStack.documents().url("/broken"));
            JsonNode job = api.awaitFinished(jobId, Duration.ofSeconds(30));
            assertThat(job.path("status").asText()).as("log %s", log).isEqualTo("FAIL");
            assertThat(TestStack.documents().hits("/broken") - before)
                    .as("one try and TALLY_REDELIVERY_MAX_ATTEMPTS=1 retry (default 3)")
                    .isEqualTo(2);

            assertThat(Files.readString(log))
                    .contains("Live route reloading enabled (directory: " + routes.directory() + ")");
        } finally {
            tally.destroy();
            tally.waitFor();
        }
    }

    /** Consumers start one by one: the count must settle on the expected one (the default is 4). */
    private static void awaitConsumers(String queue, int expected) {
        CachingConnectionFactory factory = new CachingConnectionFactory(TestStack.RABBIT_HOST, TestStack.RABBIT_PORT);
        try {
            RabbitAdmin admin = new RabbitAdmin(factory);
            Awaitility.await("TALLY_WORKER_CONCURRENCY=" + expected + " consumers on " + queue)
                    .atMost(Duration.ofSeconds(30))
                    .during(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> admin.getQueueInfo(queue) != null
                            && admin.getQueueInfo(queue).getConsumerCount() == expected);
        } finally {
            factory.destroy();
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
