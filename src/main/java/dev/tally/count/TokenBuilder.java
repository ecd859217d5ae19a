package dev.tally.count;

import java.util.Arrays;

/**
 * Accumulates the current token (already lowercased) and hands finished tokens to {@link TokenCounts}.
 *
 * <p>The token is the current run of word chars and apostrophes, but only up to its last word char counts
 * ({@code committedLength}): the regex backtracks over trailing apostrophes. While appending, the chars are also
 * packed one byte each into two longs, the key under which {@link PackedKeys} counts short Latin-1 tokens.
 *
 * <p>A 'σ' whose final form is still undecided keeps its token on hold: if the token ends first, a copy waits in
 * {@code heldToken} until {@link #decideSigma} patches and counts it.
 */
final class TokenBuilder {

    static final char APOSTROPHE = '\'';
    private static final char NOT_A_WORD_CHAR = 0;
    private static final int HEAD_CHARS = 8;
    /** Lowercased form of each ASCII word char, NOT_A_WORD_CHAR for all others. */
    private static final char[] ASCII_LOWER_WORD_CHAR = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            if (PythonWordChars.isWordChar(c)) {
                ASCII_LOWER_WORD_CHAR[c] = (char) Character.toLowerCase(c);
            }
        }
    }

    private final TokenCounts counts;
    private char[] token = new char[64];
    private int length;
    private int committedLength;
    private long head;
    private long tail;
    private long committedHead;
    private long committedTail;
    /** False once a char above U+00FF was appended; such tokens are counted from their chars. */
    private boolean latin1 = true;

    private boolean sigmaOnHold;
    private int heldSigmaIndex;
    private char[] heldToken;

    TokenBuilder(TokenCounts counts) {
        this.counts = counts;
    }

    boolean inProgress() {
        return length > 0;
    }

    /**
     * Consumes ASCII chars from {@code start} until the current token ends (consuming the char that ends it), a
     * non-ASCII char comes, or {@code end}; returns the index after the last consumed char. This is the char-by-char
     * companion of {@link AsciiBlockScanner}, used only for tokens at the edges of its blocks.
     */
    int appendAsciiUntilTokenEnds(char[] chars, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (c >= 128) {
                return i;
            }
            char lower = ASCII_LOWER_WORD_CHAR[c];
            if (lower != NOT_A_WORD_CHAR) {
                appendWordChar(lower);
            } else if (c == APOSTROPHE) {
                appendApostrophe();
            } else if (length > 0) {
                end();
                return i + 1;
            }
        }
        return end;
    }

    void appendWordChar(char c) {
        append(c);
        committedLength = length;
        committedHead = head;
        committedTail = tail;
    }

    void appendSupplementaryWordChar(int codePoint) {
        append(Character.highSurrogate(codePoint));
        appendWordChar(Character.lowSurrogate(codePoint));
    }

    /** An apostrophe only belongs to a token that has started; it never starts one. */
    void appendApostrophe() {
        if (length > 0) {
            append(APOSTROPHE);
        }
    }

    /** Puts the token on hold because its last appended char is a sigma whose final form is not yet known. */
    void holdForSigma() {
        sigmaOnHold = true;
        heldSigmaIndex = length - 1;
    }

    void decideSigma(char sigma) {
        sigmaOnHold = false;
        if (heldToken == null) {
            token[heldSigmaIndex] = sigma;
            return;
        }
        char[] held = heldToken;
        heldToken = null;
        held[heldSigmaIndex] = sigma;
        counts.add(held, held.length);
    }

    /** Ends the current token, if any, and counts it (or holds it for its sigma). */
    void end() {
        if (length == 0) {
            return;
        }
        if (sigmaOnHold && heldToken == null) {
            heldToken = Arrays.copyOf(token, committedLength);
        } else if (latin1 && committedLength <= PackedKeys.MAX_LENGTH) {
            counts.addPacked(committedHead, committedTail);
        } else {
            counts.add(token, committedLength);
        }
        length = 0;
        committedLength = 0;
        head = 0;
        tail = 0;
        latin1 = true;
    }

    private void append(char c) {
        if (length == token.length) {
            token = Arrays.copyOf(token, length * 2);
        }
        token[length] = c;
        // Little-endian packing as in PackedKeys. Shifts of a long are taken modulo 64, so chars 8 to 15 land
        // in the tail's bytes 0 to 7; later chars garble the running key, but never a committed key of <= 16 chars.
        if (length < HEAD_CHARS) {
            head |= (long) c << (length << 3);
        } else {
            tail |= (long) c << (length << 3);
        }
        latin1 &= c <= 0xFF;
        length++;
    }
}
