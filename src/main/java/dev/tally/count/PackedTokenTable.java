package dev.tally.count;

import java.util.function.BiConsumer;

/**
 * Counts short Latin-1 tokens (nearly all words of European languages) without storing their chars: a token of at
 * most 16 chars in U+0001..U+00FF packs one byte per char, little-endian, into a head (first 8 chars) and a tail
 * (the rest), which are its key. Open addressing with linear probing; a slot holds the key and the count side by
 * side, so an increment touches a single cache line.
 *
 * <p>Cache misses on rare words dominate the cost of counting, so the footprint matters: tokens of up to 8 chars
 * (most of the text) use 16-byte slots without a tail, longer ones 32-byte slots.
 */
final class PackedTokenTable {

    static final int MAX_LENGTH = 16;

    private static final int INITIAL_BITS = 8;
    private static final long EMPTY = 0;
    private static final long MIX_TAIL = 0x9E3779B97F4A7C15L;
    private static final long MIX_KEY = 0xC2B2AE3D27D4EB4FL;

    private final boolean withTail;
    private final int stride;
    private final int countOffset;
    /** Slots of (head, [tail, ]count[, padding]); chars are never U+0000, so a head of EMPTY marks a free slot. */
    private long[] slots;
    private int shift;
    private int size;
    private int resizeThreshold;
    private int[] homeSlots = new int[0];
    /** Consumes the touching loads of {@link #incrementAll}, so the JIT cannot drop them as dead code. */
    private long touchedSink;

    private PackedTokenTable(boolean withTail) {
        this.withTail = withTail;
        this.stride = withTail ? 4 : 2;
        this.countOffset = withTail ? 2 : 1;
        allocate(INITIAL_BITS);
    }

    /** For tokens of 1 to 8 chars, whose tail is always 0. */
    static PackedTokenTable forHeadOnly() {
        return new PackedTokenTable(false);
    }

    /** For tokens of 9 to 16 chars. */
    static PackedTokenTable forHeadAndTail() {
        return new PackedTokenTable(true);
    }

    /**
     * Packs chars[from, to) little-endian, one byte per char (the first char in the lowest byte), the same layout as
     * reading 8 ASCII bytes as a little-endian long. The caller guarantees at most 8 chars, all in U+0001..U+00FF.
     */
    static long pack(char[] chars, int from, int to) {
        long key = 0;
        for (int i = from; i < to; i++) {
            key |= (long) chars[i] << ((i - from) << 3);
        }
        return key;
    }

    /**
     * Counts a batch of tokens. A lookup that misses the cache stalls for a memory round trip, and between tokens
     * the scanner gives the CPU no independent work to overlap it with. Touching all home slots of the batch first,
     * in a tight loop of independent loads, lets those misses overlap; the increments then hit the cache.
     */
    void incrementAll(long[] heads, long[] tails, int count) {
        if (homeSlots.length < count) {
            homeSlots = new int[count];
        }
        for (int i = 0; i < count; i++) {
            homeSlots[i] = slotIndex(heads[i], tails[i]);
        }
        long[] slots = this.slots;
        long touched = 0;
        for (int i = 0; i < count; i++) {
            touched += slots[homeSlots[i]];
        }
        touchedSink += touched;
        for (int i = 0; i < count; i++) {
            increment(heads[i], tails[i]);
        }
    }

    void increment(long head, long tail) {
        long[] slots = this.slots;
        int mask = slots.length - stride;
        int index = slotIndex(head, tail);
        while (true) {
            long slotHead = slots[index];
            if (slotHead == head && (!withTail || slots[index + 1] == tail)) {
                slots[index + countOffset]++;
                return;
            }
            if (slotHead == EMPTY) {
                slots[index] = head;
                if (withTail) {
                    slots[index + 1] = tail;
                }
                slots[index + countOffset] = 1;
                if (++size > resizeThreshold) {
                    rehash();
                }
                return;
            }
            index = (index + stride) & mask;
        }
    }

    void forEach(BiConsumer<String, Long> action) {
        for (int index = 0; index < slots.length; index += stride) {
            if (slots[index] != EMPTY) {
                String token = unpack(slots[index]);
                action.accept(withTail ? token + unpack(slots[index + 1]) : token, slots[index + countOffset]);
            }
        }
    }

    int size() {
        return size;
    }

    private static String unpack(long key) {
        int length = (Long.SIZE - Long.numberOfLeadingZeros(key) + 7) / 8;
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ((key >>> (i << 3)) & 0xFF);
        }
        return new String(chars);
    }

    private int slotIndex(long head, long tail) {
        return (int) (((head + tail * MIX_TAIL) * MIX_KEY) >>> shift) * stride;
    }

    private void rehash() {
        long[] old = slots;
        allocate(Long.SIZE - shift + 1);
        int mask = slots.length - stride;
        for (int oldIndex = 0; oldIndex < old.length; oldIndex += stride) {
            if (old[oldIndex] != EMPTY) {
                int index = slotIndex(old[oldIndex], withTail ? old[oldIndex + 1] : 0);
                while (slots[index] != EMPTY) {
                    index = (index + stride) & mask;
                }
                System.arraycopy(old, oldIndex, slots, index, stride);
                size++;
            }
        }
    }

    private void allocate(int bits) {
        slots = new long[stride << bits];
        shift = Long.SIZE - bits;
        size = 0;
        // Linear probing stays short at 60% load, and slots of one probe sequence share cache lines.
        resizeThreshold = (int) ((1L << bits) * 6 / 10);
    }
}
