package dev.tally.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/** Reads and writes the queue message {@code {"job_id": "<24 hex>"}}, the same shape the original service used. */
@Component("jobMessages")
public class JobMessages {

    private final ObjectMapper mapper;

    public JobMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String forJob(String jobId) throws JsonProcessingException {
        return mapper.writeValueAsString(Map.of("job_id", jobId));
    }

    public String jobIdFrom(byte[] message) {
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
        JsonNode jobId = node == null ? null : node.get("job_id");
        if (jobId == null || !jobId.isTextual()) {
            throw new PoisonMessageException("message has no job_id string");
        }
        if (!ObjectId.isValid(jobId.asText())) {
            throw new PoisonMessageException("job_id is not a 24-hex ObjectId: " + jobId.asText());
        }
        return jobId.asText();
    }
}
