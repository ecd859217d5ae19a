package dev.tally.count;

/**
 * Per-code-point pieces of Python's {@code str.lower()}. Python uses the full lowercase mapping
 * (UnicodeData plus the unconditional SpecialCasing entries) and one context rule, final sigma.
 *
 * <p>A one-off exhaustive comparison with CPython 3.11 showed that {@link Character#toLowerCase(int)}, {@link
 * #isCased} and {@link #isCaseIgnorable} agree with Python for every
 * code point assigned in Unicode 13 except U+0130 'İ' (the only code point whose full lowercase mapping has more
 * than one code point) and U+03A3 'Σ' (context dependent). {@link WordScanner} handles those two itself.
 */
final class Lowercaser {

    static final int CAPITAL_SIGMA = 0x03A3;
    static final char SMALL_SIGMA = '\u03C3';
    static final char FINAL_SIGMA = '\u03C2';
    static final int CAPITAL_I_WITH_DOT_ABOVE = 0x0130;
    /** 'İ'.lower() is "i\u0307": a plain 'i' followed by this combining mark (Mn, so not a word char). */
    static final int COMBINING_DOT_ABOVE = 0x0307;

    private Lowercaser() {}

    static int simpleLowercase(int codePoint) {
        return Character.toLowerCase(codePoint);
    }

    /** Unicode "Cased" (Lowercase, Uppercase or Lt); Java's isLowerCase/isUpperCase include the Other_ forms. */
    static boolean isCased(int codePoint) {
        return Character.isLowerCase(codePoint) || Character.isUpperCase(codePoint) || Character.isTitleCase(codePoint);
    }

    /**
     * Unicode "Case_Ignorable", which Java does not expose: general category Mn, Me, Cf, Lm or Sk, or Word_Break
     * MidLetter, MidNumLet or Single_Quote (listed explicitly; this includes the ASCII apostrophe, '.' and ':').
     */
    static boolean isCaseIgnorable(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.FORMAT,
                    Character.MODIFIER_LETTER,
                    Character.MODIFIER_SYMBOL:
                return true;
            default:
                break;
        }
        return switch (codePoint) {
            case 0x0027,
                    0x002E,
                    0x003A,
                    0x00B7,
                    0x0387,
                    0x055F,
                    0x05F4,
                    0x2018,
                    0x2019,
                    0x2024,
                    0x2027,
                    0xFE13,
                    0xFE52,
                    0xFE55,
                    0xFF07,
                    0xFF0E,
                    0xFF1A -> true;
            default -> false;
        };
    }
}
