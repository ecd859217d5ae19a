package dev.tally.count;

import java.util.Arrays;

/**
 * Sorts a range of longs in signed order, as {@link Arrays#sort(long[], int, int)} does, by their bytes: least
 * significant first, skipping a byte all keys share; one read of the range counts the values of all eight bytes
 * (a read per byte was 7 % slower to rank a page). Under C1 (the cluster's workers) the JDK's quicksort was 5 % of a
 * 100 KB job, most of it ranking a page's thousands of words seen once (bench/limits.md, "Session 11"); a pass here
 * is two straight loops without a comparison. Short ranges still go to the JDK.
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
        int[] starts = byteCounts(keys, low, high);
        // each pass moves the keys between the range and one buffer
        long[] from = keys;
        int fromOffset = low;
        long[] to = new long[length];
        int toOffset = 0;
        for (int pass = 0; pass < Long.BYTES; pass++) {
            int shift = pass << 3;
            // the top byte with its sign bit flipped: negative keys first
            long flip = pass == Long.BYTES - 1 ? 0x80 : 0;
            int counts = pass << 8;
            if (starts[counts + (int) ((from[fromOffset] >>> shift ^ flip) & 0xFF)] == length) {
                continue; // every key has this byte
            }
            int start = toOffset;
            for (int digit = counts; digit < counts + 256; digit++) {
                int count = starts[digit];
                starts[digit] = start;
                start += count;
            }
            for (int at = fromOffset; at < fromOffset + length; at++) {
                long key = from[at];
                to[starts[counts + (int) ((key >>> shift ^ flip) & 0xFF)]++] = key;
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

    /** How many keys have each value of each byte, byte i's at [256 i, 256 i + 256): all eight in one read. */
    private static int[] byteCounts(long[] keys, int low, int high) {
        int[] counts = new int[Long.BYTES << 8];
        for (int at = low; at < high; at++) {
            long key = keys[at];
            counts[(int) key & 0xFF]++;
            counts[256 + ((int) (key >>> 8) & 0xFF)]++;
            counts[512 + ((int) (key >>> 16) & 0xFF)]++;
            counts[768 + ((int) (key >>> 24) & 0xFF)]++;
            counts[1024 + ((int) (key >>> 32) & 0xFF)]++;
            counts[1280 + ((int) (key >>> 40) & 0xFF)]++;
            counts[1536 + ((int) (key >>> 48) & 0xFF)]++;
            counts[1792 + ((int) (key >>> 56) & 0xFF ^ 0x80)]++;
        }
        return counts;
    }
}
