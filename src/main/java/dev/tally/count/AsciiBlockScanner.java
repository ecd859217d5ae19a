package dev.tally.count;

import static dev.tally.count.AsciiBits.LITTLE_ENDIAN_LONG;

/**
 * Bulk path for ASCII text, which is most input. Narrows the chars to bytes eight at a time and, from the same
 * registers, builds per block of 64 bytes two bit masks ({@link AsciiBits}: word chars, and the [\w'] run chars);
 * then walks whole tokens with bit scans on those masks: no per-char loop, and no hard-to-predict branch at every
 * word boundary.
 * A token is the span from the first to the last word char of a [\w'] run, exactly as in {@link TokenBuilder};
 * its lowercased bytes read as little-endian longs are its key in {@link TokenCounts}.
 *
 * <p>Only tokens whose run ends inside the ASCII stretch are counted here; the caller continues char by char from
 * the returned index, which is either the first word char of an unterminated run, or where non-ASCII text (or the
 * end of the chunk, or of this scanner's capacity) begins.
 */
final class AsciiBlockScanner {

    private static final int CAPACITY = 16 * 1024;
    /** By token length: the bytes of the first 8 chars, and of chars 9 to 16, that belong to the token. */
    private static final long[] HEAD_MASK = new long[PackedKeys.MAX_LENGTH + 1];

    private static final long[] TAIL_MASK = new long[PackedKeys.MAX_LENGTH + 1];

    static {
        for (int length = 1; length <= PackedKeys.MAX_LENGTH; length++) {
            HEAD_MASK[length] = -1L >>> ((8 - Math.min(length, 8)) << 3);
            TAIL_MASK[length] = length <= 8 ? 0 : -1L >>> ((16 - length) << 3);
        }
    }

    private final TokenCounts counts;
    /** ASCII bytes of the stretch, lowercased in place; the slack lets a token's 16-byte key read past the end. */
    private final byte[] bytes = new byte[CAPACITY + 64 + 16];

    /** Per block of {@link #bytes}: bit i for byte i, a word char; and a [\w'] run char. */
    private final long[] wordMasks = new long[CAPACITY / 64 + 1];

    private final long[] runMasks = new long[CAPACITY / 64 + 1];
    private char[] longToken = new char[0];

    AsciiBlockScanner(TokenCounts counts) {
        this.counts = counts;
    }

    /** Requires that no token is in progress at {@code from}. */
    int countWholeTokens(char[] chars, int from, int to) {
        if (!startsWithAsciiGroup(chars, from, to)) {
            return from;
        }
        int length = narrowAndClassify(chars, from, Math.min(to, from + CAPACITY));
        int pendingStart = -1;
        int pendingLastWordEnd = 0;
        for (int base = 0; base < length; base += 64) {
            long word = wordMasks[base >>> 6];
            long run = runMasks[base >>> 6];
            if (length - base < 64) {
                // Past the stretch, nothing is a word char and the run goes on: tokens reaching the end stay open.
                long valid = (1L << (length - base)) - 1;
                word &= valid;
                run |= ~valid;
            }
            // 1 when bit 0 continues a run that already holds a token: then it starts neither a run nor a token.
            long continued = 0;
            if (pendingStart >= 0) {
                long runEnds = ~run;
                if (runEnds == 0) {
                    if (word != 0) {
                        pendingLastWordEnd = base + BitScans.bitLength(word);
                    }
                    continue;
                }
                long wordsBefore = word & ((1L << BitScans.trailingZeros(runEnds)) - 1);
                countToken(
                        pendingStart, wordsBefore != 0 ? base + BitScans.bitLength(wordsBefore) : pendingLastWordEnd);
                pendingStart = -1;
                continued = 1;
            }
            long tokenRun = AsciiBits.tokenRun(word, run, continued);
            long starts = tokenRun & ~((tokenRun << 1) | continued);
            if (tokenRun < 0) {
                // The last token's run reaches the end of the block: it stays open.
                int last = BitScans.bitLength(starts) - 1;
                pendingStart = base + last;
                pendingLastWordEnd = base + BitScans.bitLength(word);
                starts &= ~(1L << last);
            }
            // Each token's end depends only on the masks, not on the previous token: the iterations overlap.
            while (starts != 0) {
                int start = BitScans.trailingZeros(starts);
                starts &= starts - 1;
                int runEnd = BitScans.trailingZeros(~run & (-1L << start));
                countToken(base + start, base + lastWordCharEnd(word, runEnd));
            }
        }
        return from + (pendingStart >= 0 ? pendingStart : length);
    }

    /**
     * The end of the run's last word char: nearly always the run's own end, which a bit test tells without the scan
     * (under C1 the bit scans were 9 % of a worker's own work, a scan per token the most of them).
     */
    private static int lastWordCharEnd(long word, int runEnd) {
        return (word >>> (runEnd - 1) & 1) != 0 ? runEnd : BitScans.bitLength(word & ((1L << runEnd) - 1));
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

    /**
     * Copies the leading ASCII chars of chars[from, to) into {@link #bytes}, lowercased, and sets the masks of their
     * blocks; returns how many it copied. Under C1 the JDK's US-ASCII encoder, which this replaced, has no
     * intrinsic: its loop of a compare and a store per char was 6 % of a page's work, and the classification read
     * the bytes back (bench/limits.md, "Session 20").
     */
    private int narrowAndClassify(char[] chars, int from, int to) {
        int limit = to - from;
        // unknown until a group is not 8 ASCII chars; then the groups left up to the end of its block come from bytes
        int length = -1;
        int end = limit + 8;
        long word = 0;
        long run = 0;
        for (int i = 0; i < end; i += 8) {
            long classes = -1;
            if (length < 0 && i + 8 <= limit) {
                int at = from + i;
                char c0 = chars[at];
                char c1 = chars[at + 1];
                char c2 = chars[at + 2];
                char c3 = chars[at + 3];
                char c4 = chars[at + 4];
                char c5 = chars[at + 5];
                char c6 = chars[at + 6];
                char c7 = chars[at + 7];
                if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7) < 128) {
                    long group = c0
                            | (long) c1 << 8
                            | (long) c2 << 16
                            | (long) c3 << 24
                            | (long) c4 << 32
                            | (long) c5 << 40
                            | (long) c6 << 48
                            | (long) c7 << 56;
                    classes = AsciiBits.classify(group, bytes, i);
                }
            }
            if (classes < 0) {
                if (length < 0) {
                    length = copyAsciiTail(chars, from, i, limit);
                    end = (length + 63) & ~63;
                    if (i >= end) {
                        break;
                    }
                }
                classes = AsciiBits.classifyGroup(bytes, i);
            }
            word |= (classes & 0xFF) << i;
            run |= (classes >>> 8) << i;
            if ((i & 63) == 56) {
                wordMasks[i >>> 6] = word;
                runMasks[i >>> 6] = run;
                word = 0;
                run = 0;
            }
        }
        return length;
    }

    /**
     * Copies the ASCII chars from chars[from + i] on into {@link #bytes} one at a time, then zeros (not word chars) up
     * to the end of the last block, so that its classification sees no stale bytes; returns the stretch's length.
     */
    private int copyAsciiTail(char[] chars, int from, int i, int limit) {
        int length = i;
        while (length < limit && chars[from + length] < 128) {
            bytes[length] = (byte) chars[from + length];
            length++;
        }
        for (int zero = length; zero < ((length + 63) & ~63); zero += 8) {
            LITTLE_ENDIAN_LONG.set(bytes, zero, 0L);
        }
        return length;
    }

    private void countToken(int start, int end) {
        int length = end - start;
        if (length <= PackedKeys.MAX_LENGTH) {
            long head = (long) LITTLE_ENDIAN_LONG.get(bytes, start) & HEAD_MASK[length];
            long tail = (long) LITTLE_ENDIAN_LONG.get(bytes, start + 8) & TAIL_MASK[length];
            counts.addPacked(head, tail);
            return;
        }
        if (longToken.length < length) {
            longToken = new char[CAPACITY];
        }
        for (int i = 0; i < length; i++) {
            longToken[i] = (char) bytes[start + i];
        }
        counts.add(longToken, length);
    }
}
