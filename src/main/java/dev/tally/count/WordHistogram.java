package dev.tally.count;

import java.util.Map;
import java.util.Objects;

/**
 * Word frequencies of one text.
 *
 * @param counts     lower-cased word to number of occurrences (immutable; iteration order unspecified)
 * @param totalWords number of word tokens in the text, i.e. the sum of all counts
 */
public record WordHistogram(Map<String, Long> counts, long totalWords) {

    public WordHistogram {
        Objects.requireNonNull(counts, "counts");
        // WordCountMap is immutable already, and copying 100,000 entries is not free.
        counts = counts instanceof WordCountMap ? counts : Map.copyOf(counts);
        if (totalWords < 0) {
            throw new IllegalArgumentException("totalWords must not be negative: " + totalWords);
        }
    }

    public int distinctWords() {
        return counts.size();
    }
}
