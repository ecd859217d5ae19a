package dev.tally.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The {@code store} process (dev.tally.store.StoreServer from the packaged jar): a MongoDB wire server on an H2
 * file that a test can stop and start again on the same file and port. Its log goes to {@code target/child-logs/}.
 */
public final class StoreProcess implements AutoCloseable {

    private static final String READY = "tally store ready on";

    private final Process process;
    private final Path log;
    private final int port;

    private StoreProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the store on {@code dataDir} and {@code port} and waits until it listens. */
    public static StoreProcess start(String name, Path dataDir, int port) {
        try {
            Path log = Files.createDirectories(Path.of("target", "child-logs"))
                    .resolve(TestStack.RUN_ID + "-" + name + ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                            "-cp",
                            Path.of("target", "tally.jar").toString(),
                            "-Dloader.main=dev.tally.store.StoreServer",
                            "org.springframework.boot.loader.launch.PropertiesLauncher"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("TALLY_STORE_DATA_DIR", dataDir.toString());
            builder.environment().put("TALLY_STORE_PORT", String.valueOf(port));
            long readyBefore = readyLines(log);
            StoreProcess store = new StoreProcess(builder.start(), log, port);
            Awaitility.await(name + " listening (log " + log + ")")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> readyLines(log) > readyBefore || !store.process.isAlive());
            if (!store.process.isAlive()) {
                throw new IllegalStateException(name + " exited at start, see " + log);
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** SIGTERM, which closes the H2 file cleanly; returns the exit status. */
    public int stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the store did not stop within 30 s, see " + log);
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
            stop();
        }
    }

    private static long readyLines(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(READY)).count();
        }
    }
}
