package dev.tally.count;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The words of a histogram as UTF-8 bytes, one after another in chunks of 64 KB, found by entry number. A word
 * costs its bytes and a 4-byte offset, against about 50 bytes as a String: three million distinct words take 40 MB
 * instead of 180 MB, so a worker counts a word list within its usual heap. A word may straddle two chunks; no array
 * grows by copying, and none is large enough to be a humongous object.
 */
final class Utf8WordPool {

    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private byte[][] chunks = new byte[1][CHUNK];
    private final int[] starts;
    private int size;
    private int end;
    private byte[] encoded = new byte[32];
    private final byte[] unpacked = new byte[PackedKeys.MAX_LENGTH];

    Utf8WordPool(int words) {
        starts = new int[words + 1];
    }

    int size() {
        return size;
    }

    /** Appends the word of 1 to 16 Latin-1 chars packed as head and tail ({@link PackedKeys}), length chars long. */
    void addPacked(long head, long tail, int length) {
        int at = end & (CHUNK - 1);
        if (((head | tail) & AsciiBits.HIGH_BITS) == 0 && at + 16 <= CHUNK) {
            // ASCII, nearly every word: the packed bytes are its UTF-8, stored in one or two writes (what lies past
            // the word is free space)
            byte[] chunk = chunk(end >>> CHUNK_BITS);
            AsciiBits.LITTLE_ENDIAN_LONG.set(chunk, at, head);
            if (length > 8) {
                AsciiBits.LITTLE_ENDIAN_LONG.set(chunk, at + 8, tail);
            }
            end += length;
            starts[++size] = end;
        } else {
            AsciiBits.LITTLE_ENDIAN_LONG.set(unpacked, 0, head);
            AsciiBits.LITTLE_ENDIAN_LONG.set(unpacked, 8, tail);
            addLatin1(unpacked, length);
        }
    }

    /** Appends the word whose chars are the Latin-1 bytes latin1[0, length). */
    void addLatin1(byte[] latin1, int length) {
        int at = end & (CHUNK - 1);
        if (at + 2 * length <= CHUNK) {
            // nearly always: the word fits in the current chunk, even with every char taking two bytes
            end += encodeLatin1(latin1, length, chunk(end >>> CHUNK_BITS), at) - at;
            starts[++size] = end;
        } else {
            if (encoded.length < 2 * length) {
                encoded = new byte[2 * length];
            }
            add(encoded, encodeLatin1(latin1, length, encoded, 0));
        }
    }

    /** Writes the chars latin1[0, length) as UTF-8 to target from at; returns the index after them. */
    private static int encodeLatin1(byte[] latin1, int length, byte[] target, int at) {
        for (int i = 0; i < length; i++) {
            int c = latin1[i] & 0xFF;
            if (c < 0x80) {
                target[at++] = (byte) c;
            } else {
                target[at++] = (byte) (0xC0 | c >>> 6);
                target[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return at;
    }

    void addChars(char[] chars, int from, int to) {
        byte[] utf8 = new String(chars, from, to - from).getBytes(StandardCharsets.UTF_8);
        add(utf8, utf8.length);
    }

    /** Appends utf8[0, length) as the next word, a chunk's part at a time. */
    private void add(byte[] utf8, int length) {
        for (int from = 0; from < length; ) {
            int at = end & (CHUNK - 1);
            int n = Math.min(length - from, CHUNK - at);
            System.arraycopy(utf8, from, chunk(end >>> CHUNK_BITS), at, n);
            from += n;
            end += n;
        }
        starts[++size] = end;
    }

    int length(int word) {
        return starts[word + 1] - starts[word];
    }

    /** Copies the word's bytes to target[at, at + length(word)). */
    void copy(int word, byte[] target, int at) {
        copyBytes(starts[word], target, at, length(word));
    }

    private void copyBytes(int position, byte[] target, int at, int count) {
        while (count > 0) {
            int inChunk = position & (CHUNK - 1);
            int n = Math.min(count, CHUNK - inChunk);
            System.arraycopy(chunks[position >>> CHUNK_BITS], inChunk, target, at, n);
            position += n;
            at += n;
            count -= n;
        }
    }

    void write(int word, OutputStream out) throws IOException {
        int position = starts[word];
        int remaining = length(word);
        while (remaining > 0) {
            int inChunk = position & (CHUNK - 1);
            int n = Math.min(remaining, CHUNK - inChunk);
            out.write(chunks[position >>> CHUNK_BITS], inChunk, n);
            position += n;
            remaining -= n;
        }
    }

    String word(int word) {
        byte[] utf8 = new byte[length(word)];
        copy(word, utf8, 0);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** The word's first 8 bytes, big-endian, zero-padded: as unsigned longs they order as the words do. */
    long prefix(int word) {
        int position = starts[word];
        int length = Math.min(8, starts[word + 1] - position);
        if (length == 0) {
            return 0;
        }
        byte[] bytes = chunks[position >>> CHUNK_BITS];
        int at = position & (CHUNK - 1);
        if (at + 8 > CHUNK) {
            // the last bytes of a chunk, or a word across two: copied out first
            bytes = new byte[8];
            at = 0;
            copyBytes(position, bytes, 0, length);
        }
        // eight bytes in one read (a loop of up to eight was 4 % of a 100 KB job's own work under C1), those past
        // the word cleared
        return (long) BIG_ENDIAN_LONG.get(bytes, at) & -1L << 8 * (8 - length);
    }

    /** Code point order of two words (UTF-8 byte order is code point order). */
    int compare(int word, int other) {
        int position = starts[word];
        int otherPosition = starts[other];
        int length = starts[word + 1] - position;
        int otherLength = starts[other + 1] - otherPosition;
        for (int end = position + Math.min(length, otherLength); position < end; position++, otherPosition++) {
            int difference = (chunks[position >>> CHUNK_BITS][position & (CHUNK - 1)] & 0xFF)
                    - (chunks[otherPosition >>> CHUNK_BITS][otherPosition & (CHUNK - 1)] & 0xFF);
            if (difference != 0) {
                return difference;
            }
        }
        return length - otherLength;
    }

    private byte[] chunk(int index) {
        if (index == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        byte[] chunk = chunks[index];
        if (chunk == null) {
            chunk = new byte[CHUNK];
            chunks[index] = chunk;
        }
        return chunk;
    }
}
