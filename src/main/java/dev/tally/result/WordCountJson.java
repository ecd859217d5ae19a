package dev.tally.result;

import dev.tally.count.RankedWords;
import java.io.IOException;
import java.io.OutputStream;

/** A histogram as the JSON object {@code {"word": count, ...}} in rank order, written from the words' UTF-8 bytes. */
final class WordCountJson {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private WordCountJson() {}

    static void write(RankedWords words, OutputStream out) throws IOException {
        byte[] word = new byte[64];
        out.write('{');
        for (int rank = 0; rank < words.size(); rank++) {
            if (rank > 0) {
                out.write(',');
            }
            int length = words.utf8Length(rank);
            if (length > word.length) {
                word = new byte[Math.max(length, word.length * 2)];
            }
            words.copyUtf8(rank, word, 0);
            out.write('"');
            writeEscaped(word, length, out);
            out.write('"');
            out.write(':');
            out.write(Long.toString(words.count(rank)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        out.write('}');
    }

    /** Words are letters, digits, _ and ' in practice; a quote, backslash or control char is escaped all the same. */
    private static void writeEscaped(byte[] utf8, int length, OutputStream out) throws IOException {
        int plainFrom = 0;
        for (int i = 0; i < length; i++) {
            int b = utf8[i] & 0xFF;
            if (b == '"' || b == '\\' || b < 0x20) {
                out.write(utf8, plainFrom, i - plainFrom);
                out.write(new byte[] {'\\', 'u', '0', '0', HEX[b >>> 4], HEX[b & 0xF]});
                plainFrom = i + 1;
            }
        }
        out.write(utf8, plainFrom, length - plainFrom);
    }
}
