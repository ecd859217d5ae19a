package dev.tally.fetch;

/**
 * What separates words in visible text: {@code Character.isWhitespace(c) || Character.isSpaceChar(c)}, so
 * no-break and other Unicode spaces too ("a&amp;nbsp;b" shows as two words), without the two table look-ups
 * per char.
 */
final class HtmlWhitespace {

    private HtmlWhitespace() {}

    static boolean is(char c) {
        if (c <= ' ') {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001c';
        }
        if (c < '\u00a0') {
            return false;
        }
        return c == '\u00a0'
                || c == '\u1680'
                || c >= '\u2000' && c <= '\u200a'
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u202f'
                || c == '\u205f'
                || c == '\u3000';
    }
}
