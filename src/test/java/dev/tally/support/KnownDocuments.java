package dev.tally.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Documents whose word counts the tests know in advance: document {@code n} has its own word {@code doc<n>},
 * so a histogram stored under the wrong job, or counted twice, shows.
 */
public final class KnownDocuments {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private KnownDocuments() {}

    /** The first of {@code count} document numbers no other test in this JVM uses, so hit counts stay apart. */
    public static int reserve(int count) {
        return NEXT.getAndAdd(count);
    }

    /** The path DocumentServer serves document {@code n} on; {@code trickleMs > 0} spreads its bytes over that long. */
    public static String path(int n, int trickleMs) {
        return "/known/" + n + ".txt" + (trickleMs > 0 ? "?trickle-ms=" + trickleMs : "");
    }

    public static String text(int n) {
        return "Doc" + n + " " + "Alpha ".repeat(1 + n % 3) + "beta's ".repeat(n % 5) + "GAMMA, 'quoted'.\n";
    }

    public static Map<String, Long> counts(int n) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("doc" + n, 1L);
        counts.put("alpha", 1L + n % 3);
        if (n % 5 > 0) {
            counts.put("beta's", (long) (n % 5));
        }
        counts.put("gamma", 1L);
        counts.put("quoted", 1L);
        return counts;
    }

    /** The document number in a {@link #path} (query string ignored), or -1. */
    static int numberIn(String path) {
        if (!path.startsWith("/known/") || !path.endsWith(".txt")) {
            return -1;
        }
        try {
            return Integer.parseInt(path.substring("/known/".length(), path.length() - ".txt".length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
