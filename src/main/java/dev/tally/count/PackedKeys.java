package dev.tally.count;

/**
 * The packed form of short Latin-1 tokens: one byte per char, little-endian (the first char in the lowest byte),
 * which is also what reading 8 bytes of ASCII text as a little-endian long gives. Chars are never U+0000, so a
 * token's length is the number of non-zero bytes, and 0 marks a free slot in the tables.
 */
final class PackedKeys {

    static final int MAX_LENGTH = 16;
    static final long MIX = 0xC2B2AE3D27D4EB4FL;
    static final long MIX_TAIL = 0x9E3779B97F4A7C15L;

    private PackedKeys() {}

    /** Packs chars[from, to), at most 8 chars, all in U+0001..U+00FF. */
    static long pack(char[] chars, int from, int to) {
        long key = 0;
        for (int i = from; i < to; i++) {
            key |= (long) chars[i] << ((i - from) << 3);
        }
        return key;
    }

    /** The number of chars of a token packed as head and tail (a tail of 0 for a token of up to 8 chars). */
    static int length(long head, long tail) {
        return tail == 0 ? bytesOf(head) : 8 + bytesOf(tail);
    }

    private static int bytesOf(long key) {
        return (BitScans.bitLength(key) + 7) >>> 3;
    }

    /**
     * Entries a packed-key table of 2^bits slots takes before it doubles: 60 % while it fits in the caches, 75 %
     * from a million slots on, where every probe misses them anyway and the next doubling would need the old table
     * and one twice its size at once: three million distinct short words then fit a 192 MB worker heap.
     */
    static int resizeThreshold(int bits) {
        long slots = 1L << bits;
        return (int) (bits < 20 ? slots * 6 / 10 : slots * 3 / 4);
    }
}
