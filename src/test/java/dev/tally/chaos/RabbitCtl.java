package dev.tally.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code rabbitmqctl} on the broker's host, used to close connections the way an operator or a broker restart
 * would. Only connections whose peer port is ours are ever closed: the broker is shared.
 */
final class RabbitCtl {

    private RabbitCtl() {}

    /**
     * Closes, at the broker, each of our connections (found by peer port; close_connection takes the connection's
     * Erlang pid); returns how many were closed.
     */
    static int closeConnections(Set<Integer> ourPeerPorts, String reason) {
        List<String> ours = new ArrayList<>();
        for (String line : run("list_connections", "-q", "--no-table-headers", "pid", "peer_port")) {
            String[] columns = line.split("\t");
            if (columns.length == 2 && ourPeerPorts.contains(Integer.parseInt(columns[1].trim()))) {
                ours.add(columns[0]);
            }
        }
        ours.parallelStream().forEach(pid -> run("close_connection", pid, reason));
        return ours.size();
    }

    private static List<String> run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
            return output.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("the broker-cut test needs rabbitmqctl on the broker's host: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
