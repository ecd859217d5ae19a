package dev.tally.monitor;

import java.util.LinkedHashMap;
import java.util.Map;

/** The samples of a Prometheus text scrape, by series ("name{label=\"value\",...}") as written. */
final class PrometheusText {

    private final Map<String, Double> samples = new LinkedHashMap<>();

    PrometheusText(String scrape) {
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
    }

    /** The value of the one series named {@code name} whose labels contain all of {@code labels}, or 0 if none. */
    double value(String name, String... labels) {
        double found = 0;
        int matches = 0;
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            String series = sample.getKey();
            if (!(series.equals(name) || series.startsWith(name + "{")) || !containsAll(series, labels)) {
                continue;
            }
            found = sample.getValue();
            matches++;
        }
        if (matches > 1) {
            throw new AssertionError(matches + " series match " + name + " " + String.join(",", labels));
        }
        return found;
    }

    /** The sum of every series named {@code name}, whatever its labels; 0 if none. */
    double sum(String name) {
        return samples.entrySet().stream()
                .filter(sample ->
                        sample.getKey().equals(name) || sample.getKey().startsWith(name + "{"))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    boolean has(String name) {
        return samples.keySet().stream().anyMatch(series -> series.equals(name) || series.startsWith(name + "{"));
    }

    private static boolean containsAll(String series, String... labels) {
        for (String label : labels) {
            if (!series.contains(label)) {
                return false;
            }
        }
        return true;
    }
}
