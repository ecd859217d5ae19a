package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.support.FullStackTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A body over the limit sent in full before the answer is read, as Python's urllib and curl without Expect send it:
 * the client still reads its 413, where it used to meet a broken pipe. Over a raw socket, since java.net.http reads
 * the answer while it sends.
 */
class OversizedBodyIT extends FullStackTest {

    private static final int EIGHT_MB = 8 * 1024 * 1024;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    @Test
    void anEightMegabyteBodyWithItsLengthSentInFullGets413AndItsMessage() throws IOException {
        byte[] body = jsonOfSize(EIGHT_MB);
        byte[] request = concat(head("Content-Length: " + body.length), body);

        RawHttp.Reply reply = RawHttp.sendInFullThenRead(apiPort, request, ANSWER_WITHIN);

        assertThat(reply.status()).isEqualTo(413);
        assertRefusedInTheEnvelope(reply);
    }

    @Test
    void anEightMegabyteChunkedBodySentInFullGets413AndItsMessage() throws IOException {
        byte[] body = jsonOfSize(EIGHT_MB);
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 65536) {
            int size = Math.min(65536, body.length - at);
            chunked.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(body, at, size);
            chunked.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] request = concat(head("Transfer-Encoding: chunked"), chunked.toByteArray());

        RawHttp.Reply reply = RawHttp.sendInFullThenRead(apiPort, request, ANSWER_WITHIN);

        assertThat(reply.status()).isEqualTo(413);
        assertRefusedInTheEnvelope(reply);
    }

    /** Past tally.api.discard-max-bytes (16 MiB) Tomcat closes the connection: an endless body holds no thread. */
    @Test
    void anEndlessBodyIsCutOff() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("Transfer-Encoding: chunked"));
            byte[] chunk = concat(
                    "10000\r\n".getBytes(StandardCharsets.US_ASCII),
                    concat(jsonOfSize(65536), "\r\n".getBytes(StandardCharsets.US_ASCII)));
            long deadline = System.nanoTime() + ANSWER_WITHIN.toNanos();
            assertThatThrownBy(() -> {
                        for (int sent = 0; sent < 1024 && System.nanoTime() < deadline; sent++) {
                            out.write(chunk); // 64 MiB at most
                        }
                    })
                    .as("the write breaks once Tomcat closed the connection")
                    .isInstanceOf(IOException.class);
        }
    }

    private static void assertRefusedInTheEnvelope(RawHttp.Reply reply) throws IOException {
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode answer = new ObjectMapper().readTree(reply.body());
        assertThat(answer.path("success").asBoolean(true)).isFalse();
        assertThat(answer.path("message").asText()).isEqualTo("The request body is larger than 65536 bytes");
        assertThat(answer.path("data").isObject()).isTrue();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), apiPort), 2000);
        socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
        return socket;
    }

    private static byte[] head(String framing) {
        return ("POST /word-count HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + framing
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] jsonOfSize(int size) {
        byte[] prefix = "{\"url\": \"http://x.test/\", \"p\": \"".getBytes(StandardCharsets.US_ASCII);
        byte[] json = new byte[size];
        Arrays.fill(json, (byte) 'a');
        System.arraycopy(prefix, 0, json, 0, prefix.length);
        json[size - 2] = '"';
        json[size - 1] = '}';
        return json;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
