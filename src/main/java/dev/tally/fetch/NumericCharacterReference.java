package dev.tally.fetch;

/**
 * A numeric character reference ("&#233;", "&#xE9;", ';' optional), read digit by digit so that it may span
 * chunks of input and have any number of leading zeros. Decoded as HTML5 says: zero, surrogates and values past
 * U+10FFFF are U+FFFD; 0x80 to 0x9F are read as windows-1252, as a page typed in it meant them. Without digits,
 * "&#" (and the x) is text.
 */
final class NumericCharacterReference {

    private static final int START = 0; // after "&#"
    private static final int HEX_START = 1; // after "&#x"
    private static final int DIGITS = 2;
    private static final int COMPLETE = 3;
    private static final int TOO_LARGE = Character.MAX_CODE_POINT + 1;

    // 0x80 to 0x9F in windows-1252; 0 where it has no char and the code point stays
    private static final char[] WINDOWS_1252 = {
        '\u20ac', 0, '\u201a', '\u0192', '\u201e', '\u2026', '\u2020', '\u2021', '\u02c6', '\u2030', '\u0160', '\u2039',
        '\u0152', 0, '\u017d', 0, 0, '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2013', '\u2014', '\u02dc',
        '\u2122', '\u0161', '\u203a', '\u0153', 0, '\u017e', '\u0178'
    };

    private int state = COMPLETE;
    private char x;
    private int radix;
    private int value;

    void begin() {
        state = START;
        radix = 10;
        value = 0;
    }

    boolean complete() {
        return state == COMPLETE;
    }

    /** Returns the position after what it consumed; once complete, the reference is in {@code text}. */
    int scan(char[] in, int from, int limit, VisibleTextBuffer text) {
        int p = from;
        while (p < limit && state != COMPLETE) {
            char c = in[p];
            int digit = Character.digit(c, radix);
            if (state == START && (c == 'x' || c == 'X')) {
                x = c;
                radix = 16;
                state = HEX_START;
                p++;
            } else if (digit >= 0 && c < 128) {
                value = Math.min(value * radix + digit, TOO_LARGE);
                state = DIGITS;
                p++;
            } else {
                boolean hadDigits = state == DIGITS;
                end(text);
                if (hadDigits && c == ';') {
                    p++;
                }
            }
        }
        return p;
    }

    /** At a char that is no digit, or the end of the input. */
    void end(VisibleTextBuffer text) {
        if (state == DIGITS) {
            text.appendCodePoint(decoded(value));
        } else {
            text.append('&');
            text.append('#');
            if (state == HEX_START) {
                text.append(x);
            }
        }
        state = COMPLETE;
    }

    static int decoded(int value) {
        if (value == 0 || value >= TOO_LARGE || value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE) {
            return '\uFFFD';
        }
        if (value >= 0x80 && value <= 0x9f && WINDOWS_1252[value - 0x80] != 0) {
            return WINDOWS_1252[value - 0x80];
        }
        return value;
    }
}
