package dev.tally.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.model.SystemConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Qpid Broker-J in this JVM, speaking AMQP 0-9-1 on loopback, for {@code make run} on a machine
 * without RabbitMQ. Messages are kept in a Derby store under the data directory so queued jobs survive a
 * restart, as the jobs themselves do.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAmqpBroker.class);

    private final SystemLauncher launcher;

    private EmbeddedAmqpBroker(SystemLauncher launcher) {
        this.launcher = launcher;
    }

    public static EmbeddedAmqpBroker start(int port, String dataDir) {
        try {
            Path work = Files.createDirectories(Path.of(dataDir, "broker")).toAbsolutePath();
            URL config = EmbeddedAmqpBroker.class.getResource("/broker/qpid-config.json");
            Map<String, Object> attributes = new HashMap<>();
            attributes.put(SystemConfig.TYPE, "Memory");
            attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, config.toExternalForm());
            attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
            attributes.put(
                    "context",
                    Map.of(
                            "qpid.amqp_port", String.valueOf(port),
                            "qpid.work_dir", work.toString(),
                            "tally.broker.store", work.resolve("store").toString()));
            SystemLauncher launcher = new SystemLauncher();
            launcher.startup(attributes);
            LOG.info("Embedded AMQP 0-9-1 broker (Qpid Broker-J) on 127.0.0.1:{} storing in {}", port, work);
            return new EmbeddedAmqpBroker(launcher);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the embedded broker directory under " + dataDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("embedded AMQP broker failed to start on port " + port, e);
        }
    }

    @Override
    public void close() {
        try {
            launcher.shutdown();
        } catch (IllegalStateException e) {
            // Qpid's own shutdown hook may have stopped it first during JVM exit
            LOG.debug("embedded broker already stopped: {}", e.getMessage());
        }
    }
}
