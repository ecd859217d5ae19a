package dev.tally.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The packaged jar ({@code target/tally.jar}) as a child process, as it runs in production: one role, its own
 * port, the test stack's RabbitMQ and MongoDB. Its log goes to {@code target/child-logs/}.
 */
public final class TallyProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "tally.jar");
    /** A start takes 10 s on a quiet 2-core machine and minutes when other builds share the cores. */
    private static final Duration STARTUP = Duration.ofSeconds(300);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private TallyProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Tally with {@code roles} ("web", "worker" or "web,worker") on the queues of {@code queueSuffix}
     * (see {@link TestStack#childProcessSettings}); {@code overrides} are more environment variables.
     */
    public static TallyProcess start(String name, String roles, String queueSuffix, Map<String, String> overrides) {
        // the children start while other JVMs compete for two cores: C1 only starts them much faster
        return start(name, roles, queueSuffix, overrides, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
    }

    /** As above, with these JVM options instead of the default heap and JIT settings. */
    public static TallyProcess start(
            String name, String roles, String queueSuffix, Map<String, String> overrides, List<String> jvmOptions) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("no " + JAR + ": run mvn package (or mvn verify) first");
        }
        int port = FreePort.find();
        Map<String, String> env = new HashMap<>(TestStack.childProcessSettings(queueSuffix));
        env.put("TALLY_ROLES", roles);
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("TALLY_REDELIVERY_INITIAL_DELAY_MS", "100");
        env.put("TALLY_REDELIVERY_MAX_DELAY_MS", "400");
        env.putAll(overrides);
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        try {
            Path log = Files.createDirectories(Path.of("target", "child-logs"))
                    .resolve(TestStack.RUN_ID + "-" + name + ".log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            return new TallyProcess(name, builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until {@code /health} answers 200 (every role serves it). */
    public TallyProcess awaitHealthy() {
        return awaitHealthy(STARTUP);
    }

    public TallyProcess awaitHealthy(Duration within) {
        ApiClient api = api();
        Awaitility.await(name + " healthy (log " + log + ")")
                .atMost(within)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
                    }
                    return api.send("GET", "/health", null, null).status() == 200;
                });
        return this;
    }

    public ApiClient api() {
        return new ApiClient(port);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no goodbye to the broker; its unacknowledged messages go back to the queue. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGTERM: Spring's graceful shutdown. */
    public void terminate() {
        process.destroy();
    }

    /** The exit status, once the process has gone; fails if it outlives {@code within}. */
    public int awaitExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still running after " + within + ", see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ", log " + log + ")";
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
