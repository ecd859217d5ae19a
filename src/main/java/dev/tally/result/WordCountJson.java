package dev.tally.result;

import dev.tally.count.RankedWords;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A histogram as the JSON object {@code {"word": count, ...}} in rank order, written from the words' UTF-8 bytes.
 * Each row is put together in one array and written at once, its count's digits included: no String per count,
 * one write per word.
 */
final class WordCountJson {

    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long SPACES = 0x20 * ONES;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long LETTERS = 'a' * ONES;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Quotes, colon, comma and the 20 digits of the largest count. */
    private static final int ROW_OVERHEAD = 4 + 20;
    /** An escaped byte takes six: backslash, u and four hex digits. */
    private static final int ESCAPED = 6;

    private WordCountJson() {}

    static void write(RankedWords words, OutputStream out) throws IOException {
        byte[] word = new byte[64];
        byte[] row = new byte[word.length * ESCAPED + ROW_OVERHEAD];
        out.write('{');
        for (int rank = 0; rank < words.size(); rank++) {
            int length = words.utf8Length(rank);
            if (length > word.length) {
                word = new byte[Math.max(length, word.length * 2)];
                row = new byte[word.length * ESCAPED + ROW_OVERHEAD];
            }
            int at = 0;
            if (rank > 0) {
                row[at++] = ',';
            }
            row[at++] = '"';
            // straight into the row; a word that holds a char to escape (none has, in practice) is copied again
            words.copyUtf8(rank, row, at);
            if (needsEscape(row, at, length)) {
                words.copyUtf8(rank, word, 0);
                at = putEscaped(word, length, row, at);
            } else {
                at += length;
            }
            row[at++] = '"';
            row[at++] = ':';
            at = putDigits(words.count(rank), row, at);
            out.write(row, 0, at);
        }
        out.write('}');
    }

    /**
     * Whether row[at, at + length) holds a quote, backslash or control char, eight bytes at a time: under C1 a test
     * per byte was most of the writing. Bytes past the word read as letters; the row has room for a last full read.
     */
    static boolean needsEscape(byte[] row, int at, int length) {
        for (int i = 0; i < length; i += Long.BYTES) {
            long group = (long) LITTLE_ENDIAN_LONG.get(row, at + i);
            if (length - i < Long.BYTES) {
                long past = -1L << ((length - i) << 3);
                group = group & ~past | LETTERS & past;
            }
            if ((hasZeroByte(group ^ QUOTES) | hasZeroByte(group ^ BACKSLASHES) | hasByteBelowSpace(group)) != 0) {
                return true;
            }
        }
        return false;
    }

    // non-zero when some byte is zero (exact as to whether any is)
    private static long hasZeroByte(long group) {
        return (group - ONES) & ~group & HIGH_BITS;
    }

    // non-zero when some byte is below 0x20; a byte of 0x80 and above never counts
    private static long hasByteBelowSpace(long group) {
        return (group - SPACES) & ~group & HIGH_BITS;
    }

    /** Words are letters, digits, _ and ' in practice; a quote, backslash or control char is escaped all the same. */
    private static int putEscaped(byte[] utf8, int length, byte[] row, int at) {
        for (int i = 0; i < length; i++) {
            int b = utf8[i] & 0xFF;
            if (b == '"' || b == '\\' || b < 0x20) {
                row[at++] = '\\';
                row[at++] = 'u';
                row[at++] = '0';
                row[at++] = '0';
                row[at++] = HEX[b >>> 4];
                row[at++] = HEX[b & 0xF];
            } else {
                row[at++] = (byte) b;
            }
        }
        return at;
    }

    /** The decimal digits of a count, which is never negative. */
    private static int putDigits(long count, byte[] row, int at) {
        if (count > Integer.MAX_VALUE) {
            return putLongDigits(count, row, at);
        }
        int rest = (int) count;
        int digits = 1;
        for (int bound = 10; digits < 10 && rest >= bound; bound *= 10) {
            digits++;
        }
        for (int i = at + digits - 1; i >= at; i--) {
            // a tenth by a multiply: C1 divides a long by calling the runtime (1.3 % of a worker's own work)
            int tenth = (int) ((rest * 0xCCCCCCCDL) >>> 35);
            row[i] = (byte) ('0' + rest - tenth * 10);
            rest = tenth;
        }
        return at + digits;
    }

    private static int putLongDigits(long count, byte[] row, int at) {
        int digits = 1;
        for (long rest = count / 10; rest > 0; rest /= 10) {
            digits++;
        }
        long rest = count;
        for (int i = at + digits - 1; i >= at; i--) {
            row[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return at + digits;
    }
}
