package dev.tally.count;

import java.util.Arrays;

/**
 * The counts of a histogram's entries: an {@code int[]} while every count fits, as nearly every one does (a word
 * counted 2^31 times needs a document of gigabytes), and a {@code long[]} from the first that does not. For a list
 * of three million distinct words that is 12 MB of a worker's peak heap less.
 */
final class EntryCounts {

    private int[] small;
    private long[] large;

    EntryCounts(int size) {
        small = new int[size];
    }

    long get(int entry) {
        return large != null ? large[entry] : small[entry];
    }

    void set(int entry, long count) {
        if (large == null && count > Integer.MAX_VALUE) {
            large = new long[small.length];
            Arrays.setAll(large, i -> small[i]);
            small = null;
        }
        if (large != null) {
            large[entry] = count;
        } else {
            small[entry] = (int) count;
        }
    }
}
