package dev.tally.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A loopback port that forwards to a real server once {@link #open()}ed and cuts every connection when
 * {@link #close()}d: an outage and a late arrival of one dependency, for one client, without touching the shared server.
 */
public final class TcpProxy implements AutoCloseable {

    private final int port = FreePort.find();
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Socket> upstreams = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private Thread accepting;

    public TcpProxy(String targetHost, int targetPort) {
        this.target = new InetSocketAddress(targetHost, targetPort);
    }

    /** Nothing listens here until {@link #open()}. */
    public int port() {
        return port;
    }

    /**
     * The local ports of the live connections to the target: the peer ports the target server reports for this
     * proxy's clients, so a test can pick out its own connections on a shared server.
     */
    public Set<Integer> upstreamPorts() {
        return upstreams.stream()
                .filter(socket -> !socket.isClosed())
                .map(Socket::getLocalPort)
                .collect(Collectors.toSet());
    }

    public synchronized void open() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocket server = listener;
        accepting = new Thread(() -> accept(server), "tcp-proxy-" + port);
        accepting.setDaemon(true);
        accepting.start();
    }

    /** Stops listening and cuts the open connections, as a server that went away. */
    @Override
    public synchronized void close() {
        ServerSocket server = listener;
        listener = null;
        closeQuietly(server);
        // a socket closed while another thread blocks in accept() keeps listening until that thread has left it:
        // a client connecting meanwhile would still be let through
        joinQuietly(accepting);
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
        upstreams.clear();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (server.isClosed()) {
                    closeQuietly(client);
                    return;
                }
                Socket upstream = new Socket();
                upstream.connect(target, 2000);
                sockets.add(client);
                sockets.add(upstream);
                upstreams.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                // closed, or the target refused: the client sees its connection fail
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread copying = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        // one side went away
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "tcp-proxy-pipe-" + port);
        copying.setDaemon(true);
        copying.start();
    }

    private static void joinQuietly(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // already closed
            }
        }
    }
}
