package dev.tally.monitor;

import com.mongodb.MongoException;
import dev.tally.fetch.TransientFetchException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The class of a job's failure reason, a metric tag with few values: the reasons themselves name URLs and hosts.
 * Follows the sentences in API.md; a reason nobody classified yet is {@code other}.
 */
final class FailureReasons {

    private record Rule(Pattern start, String reasonClass) {}

    private static final Pattern HTTP_STATUS = Pattern.compile("^HTTP (\\d)\\d\\d ");
    private static final List<Rule> RULES = List.of(
            rule("unknown host", "unknown_host"),
            rule("unsupported content", "unsupported_type"),
            rule("document too large", "too_large"),
            rule("blocked (address|port)", "blocked"),
            rule("timed out", "timeout"),
            rule("connection refused", "refused"),
            rule("(too many redirects|redirect|invalid redirect)", "redirect"),
            rule("invalid url", "invalid_url"),
            rule("queue unavailable", "queue_unavailable"));

    private FailureReasons() {}

    static String classify(String reason, Throwable cause) {
        if (reason != null) {
            Matcher http = HTTP_STATUS.matcher(reason);
            if (http.find()) {
                return "http_" + http.group(1) + "xx";
            }
            String lower = reason.toLowerCase(Locale.ROOT);
            for (Rule rule : RULES) {
                if (rule.start().matcher(lower).lookingAt()) {
                    return rule.reasonClass();
                }
            }
        }
        if (cause instanceof MongoException) {
            return "mongodb";
        }
        if (cause instanceof TransientFetchException) {
            return "network";
        }
        return "other";
    }

    private static Rule rule(String start, String reasonClass) {
        return new Rule(Pattern.compile(start), reasonClass);
    }
}
