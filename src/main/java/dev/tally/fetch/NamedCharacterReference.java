package dev.tally.fetch;

import org.jsoup.nodes.Entities;

/**
 * Decodes named character references in text as jsoup and the HTML5 tokenizer do: the name with its ';', or
 * a legacy name (amp, lt, eacute...) without one, also as the start of a longer word ("&amp;notit;" is
 * "&not;it;"). The names are jsoup's tables; what they said of a name is kept in a small cache, since a page
 * repeats the same few references.
 */
final class NamedCharacterReference {

    /** Longer than the longest name (CounterClockwiseContourIntegral); chars after the '&' a decoder looks at. */
    static final int LOOKAHEAD = 33;

    private static final int CACHE_SIZE = 64;

    private final Decoded[] cache = new Decoded[CACHE_SIZE];

    /** How a run of letters and digits, with or without a ';' after it, decodes. */
    private record Decoded(char[] run, boolean semicolon, int nameLength, int[] codePoints) {

        boolean isFor(char[] in, int from, int length, boolean semicolonAfter) {
            if (run.length != length || semicolon != semicolonAfter) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (run[i] != in[from + i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Decodes the reference whose name starts at {@code in[from]} (after the '&') into {@code text}.
     *
     * @return the position after the reference and its ';', or {@code from} when there is none
     */
    int decode(char[] in, int from, int limit, VisibleTextBuffer text) {
        int max = Math.min(limit, from + LOOKAHEAD);
        int end = from;
        int hash = 0;
        while (end < max && isAsciiLetter(in[end])) {
            hash = hash * 31 + in[end++];
        }
        while (end < max && in[end] >= '0' && in[end] <= '9') {
            hash = hash * 31 + in[end++];
        }
        boolean semicolon = end < limit && in[end] == ';';
        int slot = (hash ^ hash >>> 7) & (CACHE_SIZE - 1);
        Decoded decoded = cache[slot];
        if (decoded == null || !decoded.isFor(in, from, end - from, semicolon)) {
            decoded = lookUp(new String(in, from, end - from), semicolon);
            cache[slot] = decoded;
        }
        if (decoded.nameLength == 0) {
            return from;
        }
        for (int codePoint : decoded.codePoints) {
            text.appendCodePoint(codePoint);
        }
        int after = from + decoded.nameLength;
        return after < limit && in[after] == ';' ? after + 1 : after;
    }

    private static Decoded lookUp(String run, boolean semicolon) {
        String name = run;
        if (!Entities.isBaseNamedEntity(name) && !(semicolon && Entities.isNamedEntity(name))) {
            name = Entities.findPrefix(name);
        }
        int[] codePoints = new int[2];
        int count = name.isEmpty() ? 0 : Entities.codepointsForName(name, codePoints);
        return new Decoded(run.toCharArray(), semicolon, name.length(), java.util.Arrays.copyOf(codePoints, count));
    }

    static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
