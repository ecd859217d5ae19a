package dev.tally.deadletter;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The AMQP headers the dead-letter route writes, and how a message is read back or stripped of them. */
final class DeadLetterHeaders {

    static final String PREFIX = "tally-dead-letter-";
    static final String ID = PREFIX + "id";

    private DeadLetterHeaders() {}

    static DeadLetter read(GetResponse response) {
        Map<String, Object> headers = headers(response.getProps());
        return new DeadLetter(
                text(headers, ID),
                text(headers, PREFIX + "job-id"),
                reason(headers),
                text(headers, PREFIX + "exception"),
                text(headers, PREFIX + "route"),
                number(headers, PREFIX + "attempts"),
                text(headers, PREFIX + "first-failed-at"),
                text(headers, PREFIX + "failed-at"),
                new String(response.getBody(), StandardCharsets.UTF_8));
    }

    /** Tally's reason, or RabbitMQ's for a message the broker dead-lettered (a quorum queue's delivery limit). */
    private static String reason(Map<String, Object> headers) {
        String tally = text(headers, PREFIX + "reason");
        String broker = text(headers, "x-first-death-reason");
        return tally != null || broker == null ? tally : "dead-lettered by RabbitMQ: " + broker;
    }

    /** The headers of a replayed message: the original's, without the dead-letter bookkeeping. */
    static Map<String, Object> forReplay(AMQP.BasicProperties original) {
        Map<String, Object> headers = new HashMap<>(headers(original));
        headers.keySet().removeIf(name -> name.startsWith(PREFIX));
        return headers;
    }

    private static Map<String, Object> headers(AMQP.BasicProperties props) {
        return props.getHeaders() == null ? Map.of() : props.getHeaders();
    }

    private static String text(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    private static Integer number(Map<String, Object> headers, String name) {
        String value = text(headers, name);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
