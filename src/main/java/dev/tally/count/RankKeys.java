package dev.tally.count;

import java.util.Arrays;

/**
 * Ranks a histogram's entries (count descending, then word by UTF-8 bytes) with sorts of {@code long} keys that
 * carry the entry number in their low bits: first by count, then each run of one count by the word's leading
 * bytes. Only words that share all the leading bytes a key holds are compared through the pool.
 */
final class RankKeys {

    /** Runs of tied keys up to this length are put in order by insertion, longer ones by a merge sort. */
    private static final int INSERTION_RUN = 16;

    /** Counts spanning up to this many values (and at most 4 per word) are ranked by a counting sort. */
    private static final int COUNTING_SORT_SPAN = 1 << 20;

    private final WordCountMap histogram;
    private final Utf8WordPool words;
    private final int entryBits;
    private final long entryMask;

    private RankKeys(WordCountMap histogram, Utf8WordPool words) {
        this.histogram = histogram;
        this.words = words;
        this.entryBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(histogram.size() - 1));
        this.entryMask = (1L << entryBits) - 1;
    }

    /** Entry numbers in rank order. */
    static int[] rank(WordCountMap histogram, Utf8WordPool words) {
        return new RankKeys(histogram, words).rank();
    }

    private int[] rank() {
        int size = histogram.size();
        long[] keys = byCount(size);
        long countBits = ~entryMask;
        int low = 0;
        while (low < size) {
            int high = runEnd(keys, low, size, countBits);
            if (high - low > 1) {
                byWord(keys, low, high);
            }
            low = high;
        }
        int[] order = new int[size];
        for (int rank = 0; rank < size; rank++) {
            order[rank] = entry(keys[rank]);
        }
        return order;
    }

    /**
     * Keys that order by count descending, sorted: the distance from the largest count above the entry bits, or,
     * when that does not fit, the position among the distinct counts.
     */
    private long[] byCount(int size) {
        long[] keys = new long[size];
        long largest = 0;
        long smallest = Long.MAX_VALUE;
        for (int entry = 0; entry < size; entry++) {
            largest = Math.max(largest, histogram.count(entry));
            smallest = Math.min(smallest, histogram.count(entry));
        }
        long span = largest - smallest + 1;
        if (size > 0 && span <= Math.min(COUNTING_SORT_SPAN, 4L * size)) {
            return countingSort(keys, largest, (int) span);
        }
        if (64 - Long.numberOfLeadingZeros(largest - smallest) + entryBits <= 63) {
            for (int entry = 0; entry < size; entry++) {
                keys[entry] = (largest - histogram.count(entry)) << entryBits | entry;
            }
            Arrays.sort(keys);
            return keys;
        }
        long[] distinct = new long[size];
        for (int entry = 0; entry < size; entry++) {
            distinct[entry] = -histogram.count(entry);
        }
        Arrays.sort(distinct);
        int distinctCounts = unique(distinct);
        for (int entry = 0; entry < size; entry++) {
            long position = Arrays.binarySearch(distinct, 0, distinctCounts, -histogram.count(entry));
            keys[entry] = position << entryBits | entry;
        }
        Arrays.sort(keys);
        return keys;
    }

    /**
     * The keys by count in sorted order, placed by a counting sort over the span of counts: entries of one count
     * stay in entry order, as the key sort puts them. A histogram's counts mostly span little (a 100 KB page: 5,700
     * words, counts 1 to 984), and the sort of 5,700 keys was half of the ranking under C1.
     */
    private long[] countingSort(long[] keys, long largest, int span) {
        int[] starts = new int[span + 1];
        for (int entry = 0; entry < keys.length; entry++) {
            starts[(int) (largest - histogram.count(entry)) + 1]++;
        }
        for (int distance = 1; distance <= span; distance++) {
            starts[distance] += starts[distance - 1];
        }
        for (int entry = 0; entry < keys.length; entry++) {
            long distance = largest - histogram.count(entry);
            keys[starts[(int) distance]++] = distance << entryBits | entry;
        }
        return keys;
    }

    /** Orders keys[low, high), entries of one count, by word. */
    private void byWord(long[] keys, int low, int high) {
        long prefixBits = ~entryMask;
        for (int at = low; at < high; at++) {
            int entry = entry(keys[at]);
            // the sign bit flipped: signed order of the keys is unsigned order of the bytes
            keys[at] = (words.prefix(entry) ^ Long.MIN_VALUE) & prefixBits | entry;
        }
        LongRadixSort.sort(keys, low, high);
        int tieLow = low;
        while (tieLow < high) {
            int tieHigh = runEnd(keys, tieLow, high, prefixBits);
            if (tieHigh - tieLow > 1) {
                byWholeWord(keys, tieLow, tieHigh);
            }
            tieLow = tieHigh;
        }
    }

    /** Orders keys[low, high), whose words share their leading bytes, by comparing the words. */
    private void byWholeWord(long[] keys, int low, int high) {
        if (high - low <= INSERTION_RUN) {
            for (int at = low + 1; at < high; at++) {
                long key = keys[at];
                int to = at;
                while (to > low && words.compare(entry(keys[to - 1]), entry(key)) > 0) {
                    keys[to] = keys[to - 1];
                    to--;
                }
                keys[to] = key;
            }
            return;
        }
        int middle = (low + high) >>> 1;
        byWholeWord(keys, low, middle);
        byWholeWord(keys, middle, high);
        long[] left = Arrays.copyOfRange(keys, low, middle);
        int fromLeft = 0;
        int fromRight = middle;
        for (int out = low; out < high; out++) {
            if (fromRight >= high
                    || fromLeft < left.length && words.compare(entry(left[fromLeft]), entry(keys[fromRight])) <= 0) {
                keys[out] = left[fromLeft++];
            } else {
                keys[out] = keys[fromRight++];
            }
        }
    }

    private int entry(long key) {
        return (int) (key & entryMask);
    }

    /** The end of the run from low, before limit, of keys that agree on the given bits. */
    private static int runEnd(long[] keys, int low, int limit, long bits) {
        long run = keys[low] & bits;
        int high = low + 1;
        while (high < limit && (keys[high] & bits) == run) {
            high++;
        }
        return high;
    }

    /** Moves the distinct values of the sorted array to its front; returns how many there are. */
    private static int unique(long[] sorted) {
        int distinct = 0;
        for (int at = 0; at < sorted.length; at++) {
            if (distinct == 0 || sorted[at] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[at];
            }
        }
        return distinct;
    }
}
