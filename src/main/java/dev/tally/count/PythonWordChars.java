package dev.tally.count;

/**
 * The {@code \w} class of Python 3's {@code re} module for str patterns: a code point matches when
 * {@code c.isalnum() or c == '_'}. A one-off exhaustive comparison with CPython 3.11 found it identical for every
 * code point that JDK 17 (Unicode 13) has assigned; newer code points are UNASSIGNED in Java, hence not word chars.
 */
final class PythonWordChars {

    private static final boolean[] ASCII_WORD_CHARS = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_WORD_CHARS[c] =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
    }

    private PythonWordChars() {}

    static boolean isWordChar(int codePoint) {
        if (codePoint < 128) {
            return ASCII_WORD_CHARS[codePoint];
        }
        return switch (Character.getType(codePoint)) {
            // str.isalpha(): CPython sets its ALPHA flag for exactly these five letter categories.
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER -> true;
            // isdecimal/isdigit/isnumeric: Nd, plus every Nl and No character carries a Numeric_Type
            // ('²', '½', 'Ⅻ'). Unihan-only numerics (e.g. '三') are Lo and already covered above.
            // Java's getNumericValue is not used: it also reports values for some letters, so it adds nothing.
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            // Marks (Mn, Mc, Me) are not alnum in Python, so a decomposed "e\u0301" or a Devanagari vowel
            // sign ends a word; everything else (punctuation, symbols, emoji, separators) is not \w either.
            default -> false;
        };
    }
}
