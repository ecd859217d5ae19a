package dev.tally.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A misbehaving server: reads the request, sends a fixed prefix of a response, then goes silent. */
final class StallingServer implements AutoCloseable {

    private final ServerSocket serverSocket;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    StallingServer(String responsePrefix) throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> serve(responsePrefix.getBytes(StandardCharsets.ISO_8859_1)));
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + serverSocket.getLocalPort() + path;
    }

    private void serve(byte[] prefix) {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                clients.add(client);
                skipRequestHead(client.getInputStream());
                OutputStream out = client.getOutputStream();
                out.write(prefix);
                out.flush();
            } catch (IOException closedOrReset) {
                // the test is over, or the client hung up
            }
        }
    }

    private static void skipRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0 && matched < end.length; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
