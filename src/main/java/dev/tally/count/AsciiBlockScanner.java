package dev.tally.count;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Bulk path for pure-ASCII text, which is most input: classifies 8 chars per long operation (SWAR) into bit masks
 * of word chars and [\w'] runs, then walks whole tokens with bit scans, so the per-char loop and its
 * hard-to-predict branch at every word boundary disappear. A token is the span from the first to the last word
 * char of a [\w'] run, exactly as in {@link TokenBuilder}; its lowercased bytes read as little-endian longs are
 * the keys of {@link PackedTokenTable}.
 *
 * <p>Only tokens whose run ends inside the stretch are counted here; the caller continues char by char from the
 * returned index, which is either the start of an unterminated run's first word char, or where non-ASCII text (or
 * the end of the chunk, or of this scanner's capacity) begins.
 */
final class AsciiBlockScanner {

    private static final int CAPACITY = 4096;
    /** Narrowing works ahead in pieces, so that a non-ASCII char soon after the start wastes little work. */
    private static final int PIECE = 512;
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long[] LOW_BYTES_MASK = new long[9];

    static {
        for (int bytes = 1; bytes < 8; bytes++) {
            LOW_BYTES_MASK[bytes] = (1L << (bytes << 3)) - 1;
        }
        LOW_BYTES_MASK[8] = -1L;
    }

    private final TokenCounts counts;
    /** Lowercased copy of the stretch, with room to read 16 bytes past any token start. */
    private final byte[] lowered = new byte[CAPACITY + 16];
    private final long[] wordBits = new long[CAPACITY / 64];
    private final long[] runBits = new long[CAPACITY / 64];
    private char[] longToken = new char[0];
    private final CharsetEncoder latin1 = StandardCharsets.ISO_8859_1.newEncoder();

    AsciiBlockScanner(TokenCounts counts) {
        this.counts = counts;
    }

    /** Requires that no token is in progress at {@code from}. */
    int countWholeTokens(char[] chars, int from, int to) {
        if (!startsWithAsciiGroup(chars, from, to)) {
            return from;
        }
        int length = classify(chars, from, Math.min(to, from + CAPACITY));
        int position = 0;
        while (true) {
            int start = nextSetBit(wordBits, position, length);
            if (start == length) {
                return from + length;
            }
            int runEnd = nextClearBit(runBits, start, length);
            if (runEnd == length) {
                return from + start;
            }
            countToken(start, previousSetBit(wordBits, runEnd - 1) + 1);
            position = runEnd;
        }
    }

    /** A cheap check first, so that non-Latin text does not pay for setting up the bulk path at every word. */
    private static boolean startsWithAsciiGroup(char[] chars, int from, int to) {
        if (to - from < 8) {
            return false;
        }
        int allBits = 0;
        for (int i = from; i < from + 8; i++) {
            allBits |= chars[i];
        }
        return allBits < 128;
    }

    /** Fills the masks for whole groups of 8 ASCII chars from {@code from}; returns how many chars it took. */
    private int classify(char[] chars, int from, int limit) {
        int length = 0;
        while (limit - from - length >= 8) {
            int pieceEnd = Math.min(limit - from, length + PIECE) & ~7;
            int latin1Chars = narrowToLatin1(chars, from + length, from + pieceEnd, length);
            int groupsEnd = length + (latin1Chars & ~7);
            for (; length < groupsEnd; length += 8) {
                long group = (long) LITTLE_ENDIAN_LONG.get(lowered, length);
                if ((group & HIGH_BITS) != 0) {
                    return length;
                }
                classifyGroup(group, length);
            }
            if (length < pieceEnd) {
                return length;
            }
        }
        return length;
    }

    /**
     * Copies chars into {@code lowered} as bytes, stopping before the first char above U+00FF. Uses the ISO-8859-1
     * encoder because its array loop is a vectorized JVM intrinsic, several times faster than a Java loop.
     */
    private int narrowToLatin1(char[] chars, int from, int to, int offset) {
        ByteBuffer target = ByteBuffer.wrap(lowered, offset, to - from);
        latin1.reset().encode(CharBuffer.wrap(chars, from, to - from), target, true);
        return target.position() - offset;
    }

    private void classifyGroup(long group, int offset) {
        long upper = inRange(group, 'A', 'Z');
        long word = upper | inRange(group, 'a', 'z') | inRange(group, '0', '9') | equalTo(group, '_');
        long run = word | equalTo(group, TokenBuilder.APOSTROPHE);
        // 0x80 >>> 2 == 0x20, the ASCII lowercase bit
        LITTLE_ENDIAN_LONG.set(lowered, offset, group | (upper >>> 2));
        int block = offset >>> 6;
        int shift = offset & 63;
        if (shift == 0) {
            wordBits[block] = 0;
            runBits[block] = 0;
        }
        wordBits[block] |= highBitsToByteMask(word) << shift;
        runBits[block] |= highBitsToByteMask(run) << shift;
    }

    private void countToken(int start, int end) {
        int length = end - start;
        if (length <= PackedTokenTable.MAX_LENGTH) {
            long head = (long) LITTLE_ENDIAN_LONG.get(lowered, start) & LOW_BYTES_MASK[Math.min(length, 8)];
            long tail = (long) LITTLE_ENDIAN_LONG.get(lowered, start + 8) & LOW_BYTES_MASK[Math.max(length - 8, 0)];
            counts.addPacked(head, tail);
            return;
        }
        if (longToken.length < length) {
            longToken = new char[CAPACITY];
        }
        for (int i = 0; i < length; i++) {
            longToken[i] = (char) lowered[start + i];
        }
        counts.add(longToken, length);
    }

    /** Per byte of 7-bit ASCII: 0x80 if within [low, high], else 0. Byte sums stay below 0x100, so no carries. */
    private static long inRange(long group, int low, int high) {
        return (group + ONES * (0x80 - low)) & ~(group + ONES * (0x7F - high)) & HIGH_BITS;
    }

    private static long equalTo(long group, int value) {
        return ~((group ^ (ONES * value)) + ONES * 0x7F) & HIGH_BITS;
    }

    /** Moves each byte's high bit to bit i of the result, for byte i (a multiply-and-shift gather). */
    private static long highBitsToByteMask(long highBits) {
        return ((highBits >>> 7) * 0x0102040810204080L) >>> 56;
    }

    /** The first set bit at or after {@code from} below {@code length}, or {@code length} if none. */
    private static int nextSetBit(long[] bits, int from, int length) {
        if (from >= length) {
            return length;
        }
        int block = from >>> 6;
        int lastBlock = (length - 1) >>> 6;
        long word = bits[block] & (-1L << from);
        while (word == 0) {
            if (++block > lastBlock) {
                return length;
            }
            word = bits[block];
        }
        return Math.min(length, (block << 6) + Long.numberOfTrailingZeros(word));
    }

    /** The first clear bit at or after {@code from}, capped at {@code length} (bits from there on count as clear). */
    private static int nextClearBit(long[] bits, int from, int length) {
        int block = from >>> 6;
        int lastBlock = (length - 1) >>> 6;
        long clear = ~bits[block] & (-1L << from);
        while (clear == 0) {
            if (++block > lastBlock) {
                return length;
            }
            clear = ~bits[block];
        }
        return Math.min(length, (block << 6) + Long.numberOfTrailingZeros(clear));
    }

    /** The last set bit at or before {@code from}; the caller guarantees there is one. */
    private static int previousSetBit(long[] bits, int from) {
        int block = from >>> 6;
        long word = bits[block] & (-1L >>> (63 - (from & 63)));
        while (word == 0) {
            word = bits[--block];
        }
        return (block << 6) + 63 - Long.numberOfLeadingZeros(word);
    }
}
