package dev.tally.fetch;

/**
 * Where {@link HtmlScanner} writes the visible text: runs of whitespace and the edges of separated elements
 * collapse to one space or line break, written only once more text follows (so none leads or trails).
 * Fixed capacity: a pass of the scanner over at most {@code maxInput} chars adds at most two chars for each,
 * and the reader empties the buffer before the next pass.
 */
final class VisibleTextBuffer {

    private static final int NONE = 0;
    private static final int SPACE = 1;
    private static final int LINE = 2;

    private static final boolean[] PLAIN = new boolean[128];
    private static final int PLAIN_RANGE = '\u00a0' - '=';

    static {
        for (char c = 0; c < PLAIN.length; c++) {
            PLAIN[c] = c != '<' && c != '&' && !HtmlWhitespace.is(c);
        }
    }

    final char[] chars;
    int length;
    private int pendingSeparator = NONE;
    private boolean any;

    VisibleTextBuffer(int maxInput) {
        // two chars an input char, and the few a pass may write for markup it began in the previous one ("&#x")
        chars = new char[2 * maxInput + 16];
    }

    void clear() {
        length = 0;
    }

    /**
     * Appends the text in {@code in[from..limit)} up to the next '<' or '&', collapsing whitespace; returns the
     * position of that char, or the limit.
     */
    int appendText(char[] in, int from, int limit) {
        int p = from;
        while (p < limit) {
            char c = in[p];
            if (isPlain(c)) {
                // one run up to markup or other whitespace than one space between words, which stays as it is
                int start = p++;
                while (p < limit) {
                    c = in[p];
                    // letters and most punctuation, '=' to U+009F, in one comparison: C1 would look each up; inside
                    // isPlain the comparison made extraction slower (bench/limits.md, "Session 11")
                    if ((char) (c - '=') < PLAIN_RANGE) {
                        p++;
                    } else if (c == ' ') {
                        // the space between words, before the table: it was looked up twice
                        if (p + 1 < limit && isPlainFast(in[p + 1])) {
                            p += 2;
                        } else {
                            break;
                        }
                    } else if (isPlain(c)) {
                        p++;
                    } else {
                        break;
                    }
                }
                append(in, start, p);
            } else if (c == '<' || c == '&') {
                return p;
            } else {
                space();
                p++;
            }
        }
        return p;
    }

    /**
     * {@link #isPlain} with the range comparison of the loop above first; that comparison stays written out in the
     * loop, since a method of its own made extraction 4 % slower under C1 (0 of 40 passes).
     */
    private static boolean isPlainFast(char c) {
        return (char) (c - '=') < PLAIN_RANGE || isPlain(c);
    }

    // neither markup nor whitespace
    private static boolean isPlain(char c) {
        return c < PLAIN.length ? PLAIN[c] : !HtmlWhitespace.is(c);
    }

    /** Chars none of which is whitespace. */
    void append(char[] source, int from, int to) {
        separate();
        System.arraycopy(source, from, chars, length, to - from);
        length += to - from;
    }

    /** A char that is not whitespace. */
    void append(char c) {
        separate();
        chars[length++] = c;
    }

    /** Any code point, whitespace or not (a decoded character reference). */
    void appendCodePoint(int codePoint) {
        if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            if (HtmlWhitespace.is((char) codePoint)) {
                space();
            } else {
                append((char) codePoint);
            }
        } else {
            separate();
            length += Character.toChars(codePoint, chars, length);
        }
    }

    void space() {
        if (pendingSeparator == NONE) {
            pendingSeparator = SPACE;
        }
    }

    /** The edge of a separated element: a line break, which whitespace around it joins. */
    void lineBreak() {
        pendingSeparator = LINE;
    }

    private void separate() {
        if (pendingSeparator != NONE) {
            if (any) {
                chars[length++] = pendingSeparator == LINE ? '\n' : ' ';
            }
            pendingSeparator = NONE;
        }
        any = true;
    }
}
