package dev.tally.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/**
 * Reads and writes the queue message. Tally writes {@code {"job_id": "<24 hex>", "url": "...", "created_at":
 * "<ISO-8601>"}}: what a worker needs of the job, so that it need not read it first. It reads that and the original
 * service's {@code {"job_id": "<24 hex>"}}, for which the worker reads the rest from the job's document.
 */
@Component("jobMessages")
public class JobMessages {

    private final ObjectMapper mapper;

    public JobMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The message for a stored job ({@code _id}, {@code url}, {@code created_at}). */
    public String forJob(Document job) throws JsonProcessingException {
        Map<String, String> message = new LinkedHashMap<>();
        message.put("job_id", job.getObjectId("_id").toHexString());
        message.put("url", job.getString("url"));
        message.put("created_at", job.getDate("created_at").toInstant().toString());
        return mapper.writeValueAsString(message);
    }

    /**
     * The job as the message gives it: {@code _id}, {@code url} and {@code created_at}, or {@code _id} alone for a
     * message without the other two (the original service's shape).
     */
    public Document jobFrom(byte[] message) {
        JsonNode node = parse(message);
        String jobId = textOf(node, "job_id");
        if (!ObjectId.isValid(jobId)) {
            throw new PoisonMessageException("job_id is not a 24-hex ObjectId: " + jobId);
        }
        Document job = new Document("_id", new ObjectId(jobId));
        if (!node.has("url") || !node.has("created_at")) {
            return job;
        }
        return job.append("url", textOf(node, "url")).append("created_at", dateOf(textOf(node, "created_at")));
    }

    /** The message as a JSON object. */
    private JsonNode parse(byte[] message) {
        if (message == null || message.length == 0) {
            throw new PoisonMessageException("empty message");
        }
        JsonNode node;
        try {
            node = mapper.readTree(message);
        } catch (java.io.IOException e) {
            throw new PoisonMessageException("message is not JSON: "
                    + new String(message, 0, Math.min(message.length, 80), StandardCharsets.UTF_8));
        }
        if (node == null || !node.isObject()) {
            throw new PoisonMessageException("message has no job_id string");
        }
        return node;
    }

    private static String textOf(JsonNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || !value.isTextual()) {
            throw new PoisonMessageException("message has no " + field + " string");
        }
        return value.asText();
    }

    private static Date dateOf(String createdAt) {
        try {
            return Date.from(Instant.parse(createdAt));
        } catch (DateTimeException e) {
            throw new PoisonMessageException("created_at is not an ISO-8601 time: " + createdAt);
        }
    }
}
