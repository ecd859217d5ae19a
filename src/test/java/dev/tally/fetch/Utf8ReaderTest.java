package dev.tally.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.config.JitCompiler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Utf8Reader reads what InputStreamReader reads, however the bytes arrive and however little is asked for. */
class Utf8ReaderTest {

    private static final byte[][] PIECES = {
        "plain ascii words ".getBytes(StandardCharsets.UTF_8),
        "é".getBytes(StandardCharsets.UTF_8),
        "日本".getBytes(StandardCharsets.UTF_8),
        "😀".getBytes(StandardCharsets.UTF_8),
        "\uFEFF".getBytes(StandardCharsets.UTF_8),
        {(byte) 0x80}, // a continuation byte alone
        {(byte) 0xC3}, // a lead byte without its continuation
        {(byte) 0xE2, (byte) 0x82}, // a three-byte sequence cut short
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, // a four-byte sequence cut short
        {(byte) 0xC0, (byte) 0xAF}, // overlong
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
        {(byte) 0xFF},
        {0},
    };

    @Test
    void readsAsInputStreamReaderDoesForMixedAndMalformedInput() throws IOException {
        Random random = new Random(20_261_203L);
        for (int round = 0; round < 2_000; round++) {
            byte[] input = randomInput(random, random.nextInt(round < 1_000 ? 200 : 40_000));
            String expected = readAll(
                    new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8), 8192, random);
            String actual = readAll(new Utf8Reader(new TrickleStream(input, random)), 1 + random.nextInt(20), random);
            assertThat(actual).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void aSequenceAtTheEndOfInputThatIsCutShortBecomesOneReplacement() throws IOException {
        byte[] input = {'a', (byte) 0xF0, (byte) 0x9F, (byte) 0x98};
        assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(input)), 1, new Random(1)))
                .isEqualTo("a\uFFFD");
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsReadOneCharAtATime() throws IOException {
        Reader reader = new Utf8Reader(new ByteArrayInputStream("x😀y".getBytes(StandardCharsets.UTF_8)));
        char[] one = new char[1];
        StringBuilder text = new StringBuilder();
        while (reader.read(one, 0, 1) == 1) {
            text.append(one[0]);
        }
        assertThat(text.toString()).isEqualTo("x😀y");
    }

    @Test
    void anotherCharsetOrC2IsLeftToInputStreamReader() {
        assertThat(Utf8Reader.of(new ByteArrayInputStream(new byte[0]), StandardCharsets.ISO_8859_1))
                .isInstanceOf(InputStreamReader.class);
        // surefire's JVM runs C2, whose intrinsic decodes ASCII faster than this reader
        assertThat(Utf8Reader.of(new ByteArrayInputStream(new byte[0]), StandardCharsets.UTF_8))
                .isInstanceOf(JitCompiler.stopsAtC1() ? Utf8Reader.class : InputStreamReader.class);
    }

    private static byte[] randomInput(Random random, int pieces) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < pieces; i++) {
            // mostly ASCII, as pages are, so that the eight-byte path and its edges are crossed often
            byte[] piece = random.nextInt(4) == 0 ? PIECES[random.nextInt(PIECES.length)] : PIECES[0];
            out.write(piece, 0, random.nextBoolean() ? piece.length : 1 + random.nextInt(piece.length));
        }
        return out.toByteArray();
    }

    private static String readAll(Reader reader, int maxChunk, Random random) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] chars = new char[maxChunk + 3];
        while (true) {
            int offset = random.nextInt(3);
            int read = reader.read(chars, offset, 1 + random.nextInt(maxChunk));
            if (read < 0) {
                return text.toString();
            }
            assertThat(read).isPositive();
            text.append(chars, offset, read);
        }
    }

    /** Hands out its bytes a few at a time, so that sequences and eight-byte groups are cut at every place. */
    private static final class TrickleStream extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private int position;

        TrickleStream(byte[] bytes, Random random) {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position == bytes.length) {
                return -1;
            }
            int count = Math.min(
                    Math.min(length, bytes.length - position), 1 + random.nextInt(random.nextBoolean() ? 9 : 9_000));
            System.arraycopy(bytes, position, target, offset, count);
            position += count;
            return count;
        }
    }
}
