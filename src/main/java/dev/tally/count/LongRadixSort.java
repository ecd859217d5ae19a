package dev.tally.count;

import java.util.Arrays;

/**
 * Sorts a range of longs in signed order, as {@link Arrays#sort(long[], int, int)} does, by their bytes: least
 * significant first, one counting pass per byte, skipping a byte all keys share. Under C1 (the cluster's workers)
 * the JDK's quicksort was 5 % of a 100 KB job, most of it ranking a page's thousands of words seen once
 * (bench/limits.md, "Session 11"); a pass here is two straight loops without a comparison. Short ranges still
 * go to the JDK.
 */
final class LongRadixSort {

    private static final int SHORT_RANGE = 256;

    private LongRadixSort() {}

    static void sort(long[] keys, int low, int high) {
        int length = high - low;
        if (length < SHORT_RANGE) {
            Arrays.sort(keys, low, high);
            return;
        }
        // each pass moves the keys between the range and one buffer
        long[] from = keys;
        int fromOffset = low;
        long[] to = new long[length];
        int toOffset = 0;
        int[] starts = new int[256];
        for (int shift = 0; shift < Long.SIZE; shift += 8) {
            // the top byte with its sign bit flipped: negative keys first
            long flip = shift == 56 ? 0x80 : 0;
            Arrays.fill(starts, 0);
            for (int at = fromOffset; at < fromOffset + length; at++) {
                starts[(int) ((from[at] >>> shift ^ flip) & 0xFF)]++;
            }
            if (starts[(int) ((from[fromOffset] >>> shift ^ flip) & 0xFF)] == length) {
                continue; // every key has this byte
            }
            int start = toOffset;
            for (int digit = 0; digit < 256; digit++) {
                int count = starts[digit];
                starts[digit] = start;
                start += count;
            }
            for (int at = fromOffset; at < fromOffset + length; at++) {
                long key = from[at];
                to[starts[(int) ((key >>> shift ^ flip) & 0xFF)]++] = key;
            }
            long[] sorted = to;
            int sortedOffset = toOffset;
            to = from;
            toOffset = fromOffset;
            from = sorted;
            fromOffset = sortedOffset;
        }
        if (from != keys) {
            System.arraycopy(from, fromOffset, keys, low, length);
        }
    }
}
