package dev.tally.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A byte order mark at the start of a body: it outranks the declared charset, as in browsers. */
final class ByteOrderMark {

    private ByteOrderMark() {}

    /**
     * The charset a byte order mark at the stream's position names, or null. Skips a UTF-8 mark; leaves a UTF-16
     * one, which the UTF-16 decoder reads to learn the byte order.
     */
    static Charset skip(BufferedInputStream body) throws IOException {
        body.mark(3);
        byte[] head = body.readNBytes(3);
        body.reset();
        int b0 = head.length > 0 ? head[0] & 0xff : -1;
        int b1 = head.length > 1 ? head[1] & 0xff : -1;
        int b2 = head.length > 2 ? head[2] & 0xff : -1;
        if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
            body.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        if (b0 == 0xfe && b1 == 0xff || b0 == 0xff && b1 == 0xfe) {
            return StandardCharsets.UTF_16;
        }
        return null;
    }
}
