package dev.tally.count;

import dev.tally.config.JitCompiler;

/**
 * {@link Long#numberOfTrailingZeros} and the bit length ({@code 64 - Long.numberOfLeadingZeros}) for the
 * tokenizer's masks, fast under both compilers. C2 turns the JDK's methods into single instructions; C1, which the
 * cluster's and {@code make run}'s JVMs use ({@code -XX:TieredStopAtLevel=1}), has no such intrinsic and runs their
 * branches and calls: 16 % of a worker's CPU on a 20 MB page. There a multiply by a de Bruijn constant and a table
 * take their place, which in turn made C2's counting 20 % slower; so the choice is made once, by the JVM's
 * compiler, and folded away by either (bench/limits.md, "Bit scans under C1").
 */
final class BitScans {

    private static final boolean C1_ONLY = JitCompiler.stopsAtC1();

    private static final long DE_BRUIJN = 0x03F79D71B4CB0A89L;
    private static final byte[] BIT_INDEX = new byte[64];

    static {
        for (int bit = 0; bit < 64; bit++) {
            BIT_INDEX[deBruijnSlot(1L << bit)] = (byte) bit;
        }
    }

    private BitScans() {}

    static int trailingZeros(long bits) {
        return C1_ONLY ? tableTrailingZeros(bits) : Long.numberOfTrailingZeros(bits);
    }

    /** The highest set bit's index plus one; 0 for none. */
    static int bitLength(long bits) {
        return C1_ONLY ? tableBitLength(bits) : Long.SIZE - Long.numberOfLeadingZeros(bits);
    }

    static int tableTrailingZeros(long bits) {
        return bits == 0 ? 64 : BIT_INDEX[deBruijnSlot(bits & -bits)];
    }

    static int tableBitLength(long bits) {
        long below = bits | bits >>> 1;
        below |= below >>> 2;
        below |= below >>> 4;
        below |= below >>> 8;
        below |= below >>> 16;
        below |= below >>> 32;
        // below is now 2^n - 1 for bit length n, and below + 1 its single bit 2^n (none when n is 64)
        return below == -1 ? 64 : BIT_INDEX[deBruijnSlot(below + 1)];
    }

    private static int deBruijnSlot(long singleBit) {
        return (int) ((singleBit * DE_BRUIJN) >>> 58);
    }
}
