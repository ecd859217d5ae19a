package dev.tally.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves the documents the workers fetch in tests, on loopback, and counts the requests per path. */
public final class DocumentServer {

    /** The fetch size cap the tests run with (tally.fetch.max-bytes). */
    public static final int SIZE_CAP = 1_000_000;

    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();

    private DocumentServer(HttpServer server) {
        this.server = server;
    }

    static DocumentServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            DocumentServer documents = new DocumentServer(server);
            server.createContext("/", documents::handle);
            server.start();
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int hits(String path) {
        return hits.computeIfAbsent(path, p -> new AtomicInteger()).get();
    }

    /** Requests being answered right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most requests answered at once since the last call: how many jobs workers really run in parallel. */
    public int takePeakInFlight() {
        return peakInFlight.getAndSet(inFlight.get());
    }

    /** Requests answered to the end since the start. */
    public int served() {
        return served.get();
    }

    /** How many different paths under {@code prefix} were requested more than once (a job fetched again). */
    public long refetched(String prefix) {
        return hits.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getValue().get() > 1)
                .count();
    }

    /** The first request to {@code /gated/<name>} waits until {@link #open(String)}; later ones answer at once. */
    public void gate(String name) {
        gates.put(name, new CountDownLatch(1));
    }

    public void open(String name) {
        CountDownLatch gate = gates.get(name);
        if (gate != null) {
            gate.countDown();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (exchange) {
            int known = KnownDocuments.numberIn(path);
            if (known >= 0) {
                trickle(exchange, KnownDocuments.text(known), trickleMs(exchange));
                served.incrementAndGet();
                return;
            }
            if (path.startsWith("/vocabulary/") && path.endsWith(".txt")) {
                long words = Long.parseLong(path.substring("/vocabulary/".length(), path.length() - ".txt".length()));
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, Vocabulary.bytes(words));
                try (OutputStream out = exchange.getResponseBody()) {
                    Vocabulary.write(words, out);
                }
                served.incrementAndGet();
                return;
            }
            if (path.startsWith("/flaky/") && hit == 1) {
                send(exchange, 503, "text/plain", "busy, try again"); // a transient failure, then the document
                return;
            }
            if (path.startsWith("/gated/") && hit == 1) {
                awaitGate(path.substring("/gated/".length()));
            }
            switch (path) {
                case "/missing" -> send(exchange, 404, "text/plain", "not here");
                case "/broken" -> send(exchange, 500, "text/plain", "oops");
                case "/image.png" -> send(exchange, 200, "image/png", "\u0089PNG");
                case "/huge.txt" -> send(exchange, 200, "text/plain", "word ".repeat(SIZE_CAP / 5 + 10));
                case "/100mb.txt" ->
                    stream(
                            exchange,
                            "text/plain; charset=utf-8",
                            100_000_000,
                            100_000_000,
                            "the quick brown fox jumps over the lazy dog\n");
                // no length announced: the cap trips while the body streams, past where it is read ahead
                case "/huge-chunked.html" ->
                    stream(exchange, "text/html; charset=utf-8", 0, SIZE_CAP + 100_000, "<p>word word</p>\n");
                case "/page.html" ->
                    send(
                            exchange,
                            200,
                            "text/html; charset=utf-8",
                            "<html><head><title>Tally</title><style>p{color:red}</style><script>var hidden = 1;</script></head>"
                                    + "<body><p>Hello&nbsp;world</p><p>hello <b>again</b></p></body></html>");
                default ->
                    send(exchange, 200, "text/plain; charset=utf-8", "The cat and the hat. Don't stop 'quoted' 1,000");
            }
            served.incrementAndGet();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static int trickleMs(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        return query != null && query.startsWith("trickle-ms=")
                ? Integer.parseInt(query.substring("trickle-ms=".length()))
                : 0;
    }

    /** Sends {@code body} a few bytes at a time, spread over {@code totalMs}: a slow document server. */
    private static void trickle(HttpExchange exchange, String body, int totalMs) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int pieces = totalMs <= 0 ? 1 : Math.min(bytes.length, Math.max(2, totalMs / 250));
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int piece = 0; piece < pieces; piece++) {
                int from = bytes.length * piece / pieces;
                int to = bytes.length * (piece + 1) / pieces;
                out.write(bytes, from, to - from);
                out.flush();
                if (piece < pieces - 1) {
                    sleep(totalMs / (pieces - 1));
                }
            }
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while trickling", e);
        }
    }

    private void awaitGate(String name) {
        CountDownLatch gate = gates.get(name);
        try {
            if (gate != null) {
                gate.await(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code total} bytes of {@code line} repeated, generated while sending: the server holds no copy. Announced as
     * {@code length} bytes (0: none, chunked).
     */
    private static void stream(HttpExchange exchange, String type, long length, long total, String line)
            throws IOException {
        byte[] chunk = line.repeat(64 * 1024 / line.length()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < total; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, total - sent));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
