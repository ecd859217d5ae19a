package dev.tally.cluster;

import dev.tally.support.FreePort;
import dev.tally.support.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs cluster/up, cluster/status and cluster/down for a test: its own run directory, free ports, and this
 * test run's queue and database names (deleted at JVM exit like every test queue).
 */
final class ClusterScripts {

    record Outcome(int exitCode, String output) {}

    final Path runDirectory;
    final int nginxPort = FreePort.find();
    final int docsPort = FreePort.find();
    final String database;
    private final Map<String, String> environment = new HashMap<>();

    ClusterScripts(int web, int workers) throws IOException {
        runDirectory = Files.createTempDirectory("tally-cluster-it");
        Map<String, String> names = TestStack.childProcessSettings(".cluster");
        environment.put("TALLY_CLUSTER_DIR", runDirectory.toString());
        environment.put("TALLY_CLUSTER_WEB", String.valueOf(web));
        environment.put("TALLY_CLUSTER_WORKERS", String.valueOf(workers));
        environment.put("TALLY_CLUSTER_PORT", String.valueOf(nginxPort));
        environment.put("TALLY_CLUSTER_DOCS_PORT", String.valueOf(docsPort));
        environment.put("TALLY_CLUSTER_QUEUE", names.get("TALLY_QUEUE"));
        environment.put("TALLY_CLUSTER_DEAD_LETTER_QUEUE", names.get("TALLY_DEAD_LETTER_QUEUE"));
        database = names.get("TALLY_MONGODB_DATABASE");
        environment.put("TALLY_CLUSTER_DATABASE", database);
        environment.put(
                "TALLY_CLUSTER_JAR",
                Path.of("target", "tally.jar").toAbsolutePath().toString());
        environment.put("TALLY_CLUSTER_START_TIMEOUT", "240");
    }

    Outcome up() {
        return run("cluster/up", Duration.ofMinutes(5));
    }

    Outcome status() {
        return run("cluster/status", Duration.ofSeconds(30));
    }

    Outcome down() {
        return run("cluster/down", Duration.ofMinutes(2));
    }

    /** The pids cluster/up recorded, by process name. */
    Map<String, Long> pids() throws IOException {
        Map<String, Long> pids = new HashMap<>();
        Path directory = runDirectory.resolve("pids");
        if (Files.isDirectory(directory)) {
            try (var files = Files.list(directory)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                    String name = file.getFileName().toString().replace(".pid", "");
                    pids.put(name, Long.parseLong(Files.readString(file).trim()));
                }
            }
        }
        return pids;
    }

    /** The port cluster/up recorded for a process (pids/NAME.port). */
    int port(String name) throws IOException {
        return Integer.parseInt(Files.readString(runDirectory.resolve("pids").resolve(name + ".port"))
                .trim());
    }

    /** A shell command line as a user would type it, run from the repository root; its standard output. */
    Outcome shell(String commandLine) {
        // stderr apart: curl draws a progress meter there when its output is not a terminal
        return run(List.of("bash", "-c", commandLine), Duration.ofSeconds(30), false);
    }

    private Outcome run(String script, Duration timeout) {
        return run(List.of(script), timeout, true);
    }

    private Outcome run(List<String> command, Duration timeout, boolean withErrors) {
        try {
            Path output = Files.createTempFile(runDirectory, "command", ".log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(withErrors).redirectOutput(output.toFile());
            if (!withErrors) {
                builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                return new Outcome(-1, command + " timed out after " + timeout + ": " + Files.readString(output));
            }
            return new Outcome(process.exitValue(), Files.readString(output));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
