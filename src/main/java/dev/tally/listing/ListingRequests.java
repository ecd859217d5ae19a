package dev.tally.listing;

import dev.tally.job.JobStatus;
import dev.tally.web.ApiException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/**
 * Reads the listing's query string: {@code limit}, {@code status}, {@code before}. Every refusal names its parameter.
 * A parameter given twice is refused (which one would count is a guess); parameters it does not know are ignored.
 */
@Component("listingRequests")
public class ListingRequests {

    static final String LIMIT = "limit";
    static final String STATUS = "status";
    static final String BEFORE = "before";

    static final String LIMIT_RULE = "`limit` must be an integer from 1 to " + ListingParameters.MAX_LIMIT;
    static final String STATUS_RULE = "`status` must be one of "
            + Arrays.stream(JobStatus.values()).map(Enum::name).collect(Collectors.joining(", "));
    static final String BEFORE_RULE = "`before` must be a 24-character hex job_id";

    private static final int MAX_LIMIT_DIGITS = 9; // no overflow; the range check refuses what is too large

    /** {@code query} is the raw query string (still percent-encoded), or null without one. */
    public ListingParameters parametersFrom(String query) {
        Map<String, String> given = knownParameters(query);
        return new ListingParameters(limit(given.get(LIMIT)), status(given.get(STATUS)), before(given.get(BEFORE)));
    }

    private static Map<String, String> knownParameters(String query) {
        Map<String, String> given = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return given;
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = decodeOrNull(equals < 0 ? pair : pair.substring(0, equals));
            if (!LIMIT.equals(name) && !STATUS.equals(name) && !BEFORE.equals(name)) {
                continue;
            }
            if (given.containsKey(name)) {
                throw ApiException.badRequest("`" + name + "` must be given once");
            }
            String value = decodeOrNull(equals < 0 ? "" : pair.substring(equals + 1));
            if (value == null) {
                throw ApiException.badRequest(ruleOf(name));
            }
            given.put(name, value);
        }
        return given;
    }

    private static int limit(String value) {
        if (value == null) {
            return ListingParameters.DEFAULT_LIMIT;
        }
        if (!value.matches("[0-9]{1," + MAX_LIMIT_DIGITS + "}")) {
            throw ApiException.badRequest(LIMIT_RULE);
        }
        int limit = Integer.parseInt(value);
        if (limit < 1 || limit > ListingParameters.MAX_LIMIT) {
            throw ApiException.badRequest(LIMIT_RULE);
        }
        return limit;
    }

    private static JobStatus status(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(JobStatus.values())
                .filter(status -> status.name().equals(value))
                .findFirst()
                .orElseThrow(() -> ApiException.badRequest(STATUS_RULE));
    }

    private static ObjectId before(String value) {
        if (value == null) {
            return null;
        }
        if (!ObjectId.isValid(value)) {
            throw ApiException.badRequest(BEFORE_RULE);
        }
        return new ObjectId(value);
    }

    private static String ruleOf(String name) {
        return switch (name) {
            case LIMIT -> LIMIT_RULE;
            case STATUS -> STATUS_RULE;
            default -> BEFORE_RULE;
        };
    }

    /** Null for a broken percent escape. */
    private static String decodeOrNull(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
