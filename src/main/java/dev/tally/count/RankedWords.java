package dev.tally.count;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * A histogram's words by rank: count descending, then word ascending by code point (UTF-8 byte order), the order
 * in which Tally stores, answers and exports them. Words are read as UTF-8 bytes from the histogram's pool, so
 * that writing millions of them makes no String per word.
 */
public final class RankedWords {

    private final WordCountMap histogram;
    private final Utf8WordPool words;
    private final int[] order;
    /** Each word's first 8 bytes while sorting: most ties on count are told apart by them alone. */
    private long[] prefixes;

    private RankedWords(WordCountMap histogram) {
        this.histogram = histogram;
        this.words = histogram.words();
        this.order = new int[histogram.size()];
        long[] prefixes = new long[order.length];
        for (int entry = 0; entry < order.length; entry++) {
            order[entry] = entry;
            prefixes[entry] = words.prefix(entry);
        }
        this.prefixes = prefixes;
        mergeSort(order, new int[order.length]);
        this.prefixes = null;
    }

    public static RankedWords of(WordHistogram histogram) {
        return new RankedWords(asWordCountMap(histogram.counts()));
    }

    public int size() {
        return order.length;
    }

    public long count(int rank) {
        return histogram.count(order[rank]);
    }

    public String word(int rank) {
        return words.word(order[rank]);
    }

    public int utf8Length(int rank) {
        return words.length(order[rank]);
    }

    /** Copies the word's UTF-8 bytes to target[at, at + utf8Length(rank)). */
    public void copyUtf8(int rank, byte[] target, int at) {
        words.copy(order[rank], target, at);
    }

    public void writeUtf8(int rank, OutputStream out) throws IOException {
        words.write(order[rank], out);
    }

    private int compare(int entry, int other) {
        int byCount = Long.compare(histogram.count(other), histogram.count(entry));
        if (byCount != 0) {
            return byCount;
        }
        int byPrefix = Long.compareUnsigned(prefixes[entry], prefixes[other]);
        return byPrefix != 0 ? byPrefix : words.compare(entry, other);
    }

    /** Bottom-up merge sort of entry numbers: stable, primitive, and one extra array at most. */
    private void mergeSort(int[] entries, int[] buffer) {
        int[] from = entries;
        int[] to = buffer;
        for (int width = 1; width < entries.length; width <<= 1) {
            for (int low = 0; low < entries.length; low += width << 1) {
                int middle = Math.min(low + width, entries.length);
                int high = Math.min(low + (width << 1), entries.length);
                merge(from, to, low, middle, high);
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != entries) {
            System.arraycopy(from, 0, entries, 0, entries.length);
        }
    }

    private void merge(int[] from, int[] to, int low, int middle, int high) {
        int left = low;
        int right = middle;
        for (int out = low; out < high; out++) {
            if (right >= high || left < middle && compare(from[left], from[right]) <= 0) {
                to[out] = from[left++];
            } else {
                to[out] = from[right++];
            }
        }
    }

    private static WordCountMap asWordCountMap(Map<String, Long> counts) {
        if (counts instanceof WordCountMap map) {
            return map;
        }
        WordCountMap.Builder builder = new WordCountMap.Builder(counts.size());
        counts.forEach((word, count) -> builder.add(word.toCharArray(), 0, word.length(), count));
        return builder.build();
    }
}
