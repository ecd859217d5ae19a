package dev.tally.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.camel.Header;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/** Validates request bodies and path ids; every refusal names the field, as the original messages did. */
@Component("jobRequests")
public class JobRequests {

    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_TOP = 1000;
    static final String INVALID_URL = "You must provide a valid `url` in your POST request JSON";
    static final String INVALID_JOB_ID = "You must provide a valid `job_id` in your GET request JSON";

    private final ObjectMapper mapper;

    public JobRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String urlFrom(byte[] body) {
        JsonNode url = jsonObject(body).get("url");
        if (url == null || url.isNull()) {
            throw ApiException.badRequest(INVALID_URL + ": `url` is missing");
        }
        if (!url.isTextual()) {
            throw ApiException.badRequest(INVALID_URL + ": `url` must be a string");
        }
        String text = url.asText().strip();
        if (text.length() > MAX_URL_LENGTH) {
            throw ApiException.badRequest(INVALID_URL + ": `url` is longer than " + MAX_URL_LENGTH + " characters");
        }
        if (!isAbsoluteHttp(text)) {
            throw ApiException.badRequest(INVALID_URL + ": `url` must be an absolute http or https URL with a host");
        }
        return text;
    }

    /** The original clients send {@code GET /word-count} with a JSON body naming the job. */
    public ObjectId jobIdFrom(byte[] body) {
        JsonNode jobId = jsonObject(body).get("job_id");
        if (jobId == null || jobId.isNull()) {
            throw ApiException.badRequest(INVALID_JOB_ID + ": `job_id` is missing");
        }
        if (!jobId.isTextual() || !ObjectId.isValid(jobId.asText())) {
            throw ApiException.badRequest(INVALID_JOB_ID + ": `job_id` must be a 24-character hex string");
        }
        return new ObjectId(jobId.asText());
    }

    /** {@code ?top=N}: null when absent, else N from 1 to {@value #MAX_TOP}. */
    public Integer top(@Header("top") Object top) {
        if (top == null) {
            return null;
        }
        String text = top instanceof String single ? single.strip() : "";
        if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_TOP) {
            throw ApiException.badRequest("`top` must be an integer from 1 to " + MAX_TOP + " (once)");
        }
        return Integer.valueOf(text);
    }

    public ObjectId pathJobId(String jobId) {
        if (jobId == null || !ObjectId.isValid(jobId)) {
            throw ApiException.notFound("No job with job_id " + abbreviate(jobId));
        }
        return new ObjectId(jobId);
    }

    private JsonNode jsonObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("The request body is empty: send a JSON object");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("The request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        return node;
    }

    private static boolean isAbsoluteHttp(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "(none)";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
