package dev.tally.count;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Bit arithmetic of {@link AsciiBlockScanner}: classifies 8 ASCII bytes per long operation (SWAR), and finds where
 * tokens start in a block's masks. Bit i of a mask stands for byte i of the block.
 */
final class AsciiBits {

    static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    static final long HIGH_BITS = 0x8080808080808080L;

    private AsciiBits() {}

    /**
     * Lowercases the 8 ASCII bytes at {@code offset} in place; returns one bit per byte for its word chars in bits
     * 0-7 and for its [\w'] chars in bits 8-15.
     */
    static long classifyGroup(byte[] bytes, int offset) {
        return classify((long) LITTLE_ENDIAN_LONG.get(bytes, offset), bytes, offset);
    }

    /** {@link #classifyGroup} for 8 ASCII bytes already in a register, stored lowercased at {@code offset}. */
    static long classify(long group, byte[] bytes, int offset) {
        // Setting bit 0x20 folds 'A'-'Z' onto 'a'-'z' and moves no other ASCII char into that range.
        long letter = inRange(group | ONES * 0x20, 'a', 'z');
        long word = letter | inRange(group, '0', '9') | equalTo(group, '_');
        long run = word | equalTo(group, TokenBuilder.APOSTROPHE);
        // 0x80 >>> 2 == 0x20, the ASCII lowercase bit, which lowercase letters have already
        LITTLE_ENDIAN_LONG.set(bytes, offset, group | (letter >>> 2));
        return highBitsToByteMask(word) | (highBitsToByteMask(run) << 8);
    }

    /**
     * The run chars from each [\w'] run's first word char on: apostrophes before it cannot start a token. They are
     * the run's leading non-word chars, found by adding each run's first bit to the run's non-word chars: the carry
     * ripples through exactly those and stops at the first word char. {@code continued} is 1 when bit 0 continues
     * a run that already holds a word char, 0 otherwise.
     */
    static long tokenRun(long word, long run, long continued) {
        long runStarts = run & ~((run << 1) | continued);
        long nonWord = run & ~word;
        long leading = nonWord & ~(nonWord + runStarts);
        return run & ~leading;
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
}
