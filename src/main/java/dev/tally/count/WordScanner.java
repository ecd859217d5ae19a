package dev.tally.count;

/**
 * Streaming equivalent of Python's {@code re.findall(r"(\w[\w']*\w|\w)", text.lower())}, fed chunk by chunk.
 *
 * <p>A match starts at a word char, runs greedily over word chars and apostrophes, and backtracks to its last
 * word char; the dropped apostrophes cannot start the next match. So a token is the current [\w'] run up to its
 * last word char, and any other char ends it ({@link TokenBuilder}).
 *
 * <p>Lowercasing happens here per code point, before classification, exactly like {@code str.lower()}:
 * 'İ' becomes "i" + U+0307 (a mark, so it ends the word), and 'Σ' becomes 'ς' only in Python's final-sigma
 * context: the nearest non-case-ignorable code point before it is cased and the nearest one after it is not
 * (or the text ends). The "after" part may lie beyond the current token or chunk, so such a sigma is written
 * as 'σ' and its token held until the next non-case-ignorable code point (or the end) decides it. Only one
 * sigma can be undecided at a time, because any later 'Σ' is itself cased and non-case-ignorable.
 */
final class WordScanner {

    private static final boolean[] ASCII_CASE_IGNORABLE = new boolean[128];
    private static final boolean[] ASCII_CASED = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_CASE_IGNORABLE[c] = Lowercaser.isCaseIgnorable(c);
            ASCII_CASED[c] = Lowercaser.isCased(c);
        }
    }

    private final TokenCounts counts = new TokenCounts();
    private final TokenBuilder token = new TokenBuilder(counts);
    private final AsciiBlockScanner blocks = new AsciiBlockScanner(counts);
    private char pendingHighSurrogate;
    /** Whether the last non-case-ignorable original code point was cased (the "before" half of final sigma). */
    private boolean precededByCased;

    private boolean sigmaUndecided;

    void feed(char[] chars, int offset, int length) {
        int i = offset;
        int end = offset + length;
        if (pendingHighSurrogate != 0 && i < end) {
            char high = pendingHighSurrogate;
            pendingHighSurrogate = 0;
            if (Character.isLowSurrogate(chars[i])) {
                acceptCodePoint(Character.toCodePoint(high, chars[i++]));
            } else {
                acceptCodePoint(high);
            }
        }
        while (i < end) {
            // Every code point may decide an undecided sigma, so only the general path handles that state.
            if (sigmaUndecided) {
                i = acceptNonAscii(chars, i, end);
                continue;
            }
            int asciiStart = i;
            if (!token.inProgress()) {
                i = blocks.countWholeTokens(chars, i, end);
            }
            i = token.appendAsciiUntilTokenEnds(chars, i, end);
            trackCaseContextOfAsciiRun(chars, asciiStart, i);
            if (i < end && chars[i] >= 128) {
                i = acceptNonAscii(chars, i, end);
            }
        }
    }

    WordHistogram finish() {
        if (pendingHighSurrogate != 0) {
            char lone = pendingHighSurrogate;
            pendingHighSurrogate = 0;
            acceptCodePoint(lone);
        }
        if (sigmaUndecided) {
            sigmaUndecided = false;
            token.decideSigma(Lowercaser.FINAL_SIGMA);
        }
        token.end();
        return new WordHistogram(counts.toMap(), counts.totalTokens());
    }

    /** Only the last non-case-ignorable char of an ASCII stretch matters for a following 'Σ'. */
    private void trackCaseContextOfAsciiRun(char[] chars, int start, int end) {
        for (int j = end - 1; j >= start; j--) {
            char c = chars[j];
            if (!ASCII_CASE_IGNORABLE[c]) {
                precededByCased = ASCII_CASED[c];
                return;
            }
        }
    }

    /** Handles chars[i] (and its low surrogate, if any) on the general path; returns the index after them. */
    private int acceptNonAscii(char[] chars, int i, int end) {
        char c = chars[i];
        if (!Character.isHighSurrogate(c)) {
            acceptCodePoint(c);
            return i + 1;
        }
        if (i + 1 == end) {
            pendingHighSurrogate = c;
            return end;
        }
        char next = chars[i + 1];
        if (Character.isLowSurrogate(next)) {
            acceptCodePoint(Character.toCodePoint(c, next));
            return i + 2;
        }
        acceptCodePoint(c);
        return i + 1;
    }

    private void acceptCodePoint(int codePoint) {
        boolean caseIgnorable = Lowercaser.isCaseIgnorable(codePoint);
        boolean cased = Lowercaser.isCased(codePoint);
        if (sigmaUndecided && !caseIgnorable) {
            sigmaUndecided = false;
            token.decideSigma(cased ? Lowercaser.SMALL_SIGMA : Lowercaser.FINAL_SIGMA);
        }
        if (codePoint == Lowercaser.CAPITAL_SIGMA) {
            token.appendWordChar(Lowercaser.SMALL_SIGMA);
            if (precededByCased) {
                sigmaUndecided = true;
                token.holdForSigma();
            }
        } else if (codePoint == Lowercaser.CAPITAL_I_WITH_DOT_ABOVE) {
            acceptLowercased('i');
            acceptLowercased(Lowercaser.COMBINING_DOT_ABOVE);
        } else {
            acceptLowercased(Lowercaser.simpleLowercase(codePoint));
        }
        if (!caseIgnorable) {
            precededByCased = cased;
        }
    }

    private void acceptLowercased(int codePoint) {
        if (PythonWordChars.isWordChar(codePoint)) {
            if (Character.isBmpCodePoint(codePoint)) {
                token.appendWordChar((char) codePoint);
            } else {
                token.appendSupplementaryWordChar(codePoint);
            }
        } else if (codePoint == TokenBuilder.APOSTROPHE) {
            token.appendApostrophe();
        } else {
            token.end();
        }
    }
}
