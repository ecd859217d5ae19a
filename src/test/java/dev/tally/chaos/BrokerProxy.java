package dev.tally.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A TCP relay between the processes under test and the shared RabbitMQ. It knows which broker connections are
 * ours (by the local port of each upstream socket, the peer port RabbitMQ reports), so a test can close only
 * those at the broker; and it can take the broker away from our processes alone ({@link #down()}), without
 * touching anybody else's connections.
 */
final class BrokerProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Set<Socket> upstreams = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "broker-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean down;

    private BrokerProxy(ServerSocket server, String targetHost, int targetPort) {
        this.server = server;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    static BrokerProxy start(String targetHost, int targetPort) {
        try {
            BrokerProxy proxy = new BrokerProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetHost, targetPort);
            proxy.threads.submit(proxy::acceptForever);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** The peer ports RabbitMQ shows for our live connections. */
    Set<Integer> brokerSidePorts() {
        return upstreams.stream().filter(s -> !s.isClosed()).map(Socket::getLocalPort).collect(Collectors.toSet());
    }

    /** Drops every relayed connection and refuses new ones (accepted and closed at once) until {@link #up()}. */
    void down() {
        down = true;
        clients.forEach(BrokerProxy::closeQuietly);
        upstreams.forEach(BrokerProxy::closeQuietly);
    }

    void up() {
        down = false;
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                clients.add(client);
                upstreams.add(upstream);
                threads.submit(() -> relay(client, upstream));
                threads.submit(() -> relay(upstream, client));
            } catch (IOException e) {
                // closed, or the broker refused: the client sees its connection end
            }
        }
    }

    private void relay(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            clients.remove(from);
            clients.remove(to);
            upstreams.remove(from);
            upstreams.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        down();
        threads.shutdownNow();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
