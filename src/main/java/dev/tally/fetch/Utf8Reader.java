package dev.tally.fetch;

import dev.tally.config.JitCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Decodes UTF-8 as {@link InputStreamReader} does, malformed input replaced by U+FFFD, with runs of ASCII widened
 * eight bytes at a time; other bytes go through the JDK's decoder. Under C1, which the cluster's workers run, the
 * JDK's ASCII loop has no intrinsic: decoding was a fifth of a 20 MB page's CPU, and this reader makes it about
 * free. Under C2 the JDK's intrinsic is faster still, so there {@link #of} returns an {@link InputStreamReader}
 * (bench/limits.md, "Session 10").
 */
public final class Utf8Reader extends Reader {

    private static final boolean C1_ONLY = JitCompiler.stopsAtC1();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final int BUFFER_BYTES = 8192;
    // bytes handed to the JDK's decoder at a time: enough for any sequence, few enough to return to ASCII soon
    private static final int DECODER_WINDOW = 64;

    private final InputStream in;
    private final byte[] bytes = new byte[BUFFER_BYTES];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer pair = CharBuffer.allocate(2);
    private int start;
    private int end;
    private boolean ended;

    Utf8Reader(InputStream in) {
        this.in = in;
        pair.limit(0);
    }

    /** This reader for UTF-8 on a JVM that stops at C1, an {@link InputStreamReader} otherwise. */
    public static Reader of(InputStream in, Charset charset) {
        return C1_ONLY && StandardCharsets.UTF_8.equals(charset)
                ? new Utf8Reader(in)
                : new InputStreamReader(in, charset);
    }

    @Override
    public int read(char[] chars, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, chars.length);
        if (length == 0) {
            return 0;
        }
        int count = 0;
        while (pair.hasRemaining() && count < length) {
            chars[offset + count++] = pair.get();
        }
        while (count < length) {
            if (start == end && (count > 0 || !fill())) {
                break;
            }
            count += widenAscii(chars, offset + count, length - count);
            if (count < length && start < end) {
                int decoded = decode(chars, offset + count, length - count);
                if (decoded < 0) {
                    break;
                }
                count += decoded;
            }
        }
        return count == 0 ? -1 : count;
    }

    private int widenAscii(char[] chars, int offset, int length) {
        int from = start;
        int limit = Math.min(end - from, length);
        int i = 0;
        for (; i + Long.BYTES <= limit; i += Long.BYTES) {
            long group = (long) LONGS.get(bytes, from + i);
            if ((group & HIGH_BITS) != 0) {
                break;
            }
            int at = offset + i;
            chars[at] = (char) (group & 0x7F);
            chars[at + 1] = (char) ((group >>> 8) & 0x7F);
            chars[at + 2] = (char) ((group >>> 16) & 0x7F);
            chars[at + 3] = (char) ((group >>> 24) & 0x7F);
            chars[at + 4] = (char) ((group >>> 32) & 0x7F);
            chars[at + 5] = (char) ((group >>> 40) & 0x7F);
            chars[at + 6] = (char) ((group >>> 48) & 0x7F);
            chars[at + 7] = (char) (group >>> 56);
        }
        for (; i < limit && bytes[from + i] >= 0; i++) {
            chars[offset + i] = (char) bytes[from + i];
        }
        start = from + i;
        return i;
    }

    /**
     * Decodes from a non-ASCII byte; returns the chars written, or -1 when nothing more can be read now: the
     * input ended, or a sequence needs more bytes and the caller already has chars to return.
     */
    private int decode(char[] chars, int offset, int length) throws IOException {
        CharBuffer out = length >= 2 ? CharBuffer.wrap(chars, offset, length) : pair.clear();
        int written;
        while (true) {
            int window = Math.min(end, start + DECODER_WINDOW);
            ByteBuffer input = ByteBuffer.wrap(bytes, start, window - start);
            decoder.decode(input, out, ended && window == end);
            if (ended && window == end && !input.hasRemaining()) {
                decoder.flush(out);
                decoder.reset();
            }
            start = input.position();
            written = out == pair ? pair.position() : out.position() - offset;
            if (written > 0 || start == end && ended) {
                break;
            }
            // a sequence cut by the end of the buffer: move it to the front and read on
            if (!fill()) {
                break;
            }
        }
        if (out == pair) {
            pair.flip();
            if (!pair.hasRemaining()) {
                return -1;
            }
            chars[offset] = pair.get();
            return 1;
        }
        return written == 0 ? -1 : written;
    }

    /** Moves unread bytes to the front and reads more; false when the input holds nothing more to read. */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int left = end - start;
        System.arraycopy(bytes, start, bytes, 0, left);
        start = 0;
        end = left;
        int read = in.read(bytes, end, bytes.length - end);
        if (read < 0) {
            ended = true;
        } else {
            end += read;
        }
        return end > start || !ended;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
