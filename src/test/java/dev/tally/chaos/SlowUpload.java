package dev.tally.chaos;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A POST /word-count whose body arrives in two halves, with a pause the test chooses in between: a request
 * that is in flight on the server for as long as the test wants.
 */
final class SlowUpload implements AutoCloseable {

    record Reply(int status, String jobId, String raw) {}

    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");
    private static final Pattern JOB_ID = Pattern.compile("\"job_id\"\\s*:\\s*\"([0-9a-f]{24})\"");

    private final Socket socket;
    private final byte[] body;

    /** Connects and sends the headers and the first half of the body. */
    SlowUpload(int port, String url) {
        this.body = ("{\"url\": \"" + url + "\"}").getBytes(StandardCharsets.UTF_8);
        try {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(30_000);
            String head = "POST /word-count HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the rest of the body and reads the whole answer (the server closes the connection after it). */
    Reply finish() throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(body, body.length / 2, body.length - body.length / 2);
        out.flush();
        String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher status = STATUS.matcher(raw);
        Matcher jobId = JOB_ID.matcher(raw);
        return new Reply(
                status.find() ? Integer.parseInt(status.group(1)) : -1, jobId.find() ? jobId.group(1) : null, raw);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
