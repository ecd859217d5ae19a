package dev.tally.fetch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A loopback HTTP server for tests, serving canned responses by exact path. */
final class LocalHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final Map<String, Headers> requestHeaders = new ConcurrentHashMap<>();

    LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requestHeaders.put(path, exchange.getRequestHeaders());
            HttpHandler handler = routes.getOrDefault(path, notFound -> {
                notFound.sendResponseHeaders(404, -1);
            });
            try (exchange) {
                handler.handle(exchange);
            } catch (IOException clientWentAway) {
                // expected when the fetcher gives up on a body half way
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    void handle(String path, HttpHandler handler) {
        routes.put(path, handler);
    }

    void respond(String path, int status, String contentType, byte[] body) {
        respond(path, status, Map.of("Content-Type", contentType), body);
    }

    void respond(String path, int status, Map<String, String> headers, byte[] body) {
        handle(path, exchange -> {
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
    }

    void redirect(String path, int status, String location) {
        respond(path, status, Map.of("Location", location), new byte[0]);
    }

    /** Headers of the latest request for {@code path}, or null if it was never requested. */
    Headers requestHeaders(String path) {
        return requestHeaders.get(path);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
