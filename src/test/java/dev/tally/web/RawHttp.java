package dev.tally.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** HTTP/1.1 over a plain socket, for what java.net.http will not send: raw bytes out, one answer in. */
final class RawHttp {

    record Reply(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {}

    static Reply exchange(int port, byte[] request, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            socket.setSoTimeout((int) timeout.toMillis());
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                readAnswer(socket.getInputStream(), received, deadline);
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                // Tomcat answers a request it refuses and closes at once, so the write or read may break after the
                // answer came
                if (received.size() == 0) {
                    readAnswer(socket.getInputStream(), received, deadline);
                }
            }
            return parse(received.toByteArray());
        }
    }

    /**
     * As a client that sends its whole request before it reads a byte of the answer (Python's urllib, curl without
     * Expect): a write that breaks fails the exchange, as it fails such a client.
     */
    static Reply sendInFullThenRead(int port, byte[] request, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            readAnswer(socket.getInputStream(), received, deadline);
            return parse(received.toByteArray());
        }
    }

    private static void readAnswer(InputStream in, ByteArrayOutputStream received, long deadline) throws IOException {
        byte[] buffer = new byte[8192];
        while (!complete(received.toByteArray())) {
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException("no complete answer before the deadline");
            }
            int read = in.read(buffer);
            if (read < 0) {
                return;
            }
            received.write(buffer, 0, read);
        }
    }

    private static boolean complete(byte[] bytes) {
        int headEnd = headEnd(bytes);
        if (headEnd < 0) {
            return false;
        }
        Map<String, String> headers = headers(bytes, headEnd);
        if (headers.containsKey("content-length")) {
            return bytes.length - headEnd
                    >= Long.parseLong(headers.get("content-length").trim());
        }
        return "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
                && new String(bytes, StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n");
    }

    private static Reply parse(byte[] bytes) throws IOException {
        int headEnd = headEnd(bytes);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        // HTTP/1.0 is the answer's version to an HTTP/1.0 request, or to one whose version did not parse (Vert.x)
        if (!(text.startsWith("HTTP/1.1 ") || text.startsWith("HTTP/1.0 ")) || headEnd < 0) {
            throw new IOException("no HTTP answer, received " + FuzzRequests.printable(bytes, 200));
        }
        Map<String, String> headers = headers(bytes, headEnd);
        byte[] body = Arrays.copyOfRange(bytes, headEnd, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Reply(Integer.parseInt(text.substring(9, 12)), headers, body);
    }

    private static int headEnd(byte[] bytes) {
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
        return at < 0 ? -1 : at + 4;
    }

    private static Map<String, String> headers(byte[] bytes, int headEnd) {
        Map<String, String> headers = new TreeMap<>();
        new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1)
                .lines()
                .skip(1)
                .forEach(line -> {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        headers.putIfAbsent(
                                line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                line.substring(colon + 1).trim());
                    }
                });
        return headers;
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            int size =
                    Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }
}
