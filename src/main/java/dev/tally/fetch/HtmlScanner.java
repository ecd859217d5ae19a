package dev.tally.fetch;

/**
 * HTML to visible text in one pass over the chars, chunk by chunk, without a tree: the HTML5 tokenizer's
 * states for text, tags, comments and character references, and from the tree builder only what decides which
 * text shows and where words break (TagEffects). Script, style and similar raw text never shows; noscript and
 * template content is hidden however it nests; title, textarea and xmp show. Comments, doctypes, processing
 * instructions, CDATA sections and attributes never show.
 *
 * <p>Not thread-safe; one per document.
 */
final class HtmlScanner {

    /** At most this many chars at the end of a chunk may be left for the next pass, to be seen together. */
    static final int LOOKAHEAD = NamedCharacterReference.LOOKAHEAD + 8;

    private static final int CONTENT = 0; // text, as the mode says
    private static final int TAG_OPEN = 1; // after '<'
    private static final int END_TAG_OPEN = 2; // after "</"
    private static final int TAG = 3;
    private static final int MARKUP_DECLARATION = 4; // after "<!"
    private static final int COMMENT = 5;
    private static final int NUMERIC_REFERENCE = 6;

    private final VisibleTextBuffer text;
    private final TagScanner tag = new TagScanner();
    private final CommentScanner comment = new CommentScanner();
    private final NumericCharacterReference numeric = new NumericCharacterReference();
    private final NamedCharacterReference named = new NamedCharacterReference();
    private final TagEffects effects;
    private int state = CONTENT;
    private boolean starved;

    HtmlScanner(VisibleTextBuffer text) {
        this.text = text;
        this.effects = new TagEffects(text);
    }

    /**
     * Scans {@code in[from..limit)}, writing the visible text; returns where it stopped: at the limit, or up to
     * {@link #LOOKAHEAD} chars before it when those need to be seen with the chars that follow. At the end of
     * the input it scans everything.
     */
    int scan(char[] in, int from, int limit, boolean endOfInput) {
        int p = from;
        while (p < limit) {
            p = switch (state) {
                case CONTENT -> content(in, p, limit, endOfInput);
                case TAG_OPEN -> tagOpen(in[p], p);
                case END_TAG_OPEN -> endTagOpen(in[p], p);
                case TAG -> tag(in, p, limit);
                case MARKUP_DECLARATION -> markupDeclaration(in, p, limit, endOfInput);
                case COMMENT -> comment(in, p, limit);
                default -> numericReference(in, p, limit);
            };
            if (starved) {
                starved = false;
                return p;
            }
        }
        if (endOfInput) {
            end();
        }
        return p;
    }

    private int content(char[] in, int p, int limit, boolean endOfInput) {
        int mode = effects.mode();
        if (mode == TagEffects.DATA) {
            int stop = effects.showing() ? text.appendText(in, p, limit) : indexOfLessThan(in, p, limit);
            if (stop == limit) {
                return stop;
            }
            if (in[stop] == '<') {
                state = TAG_OPEN;
                return stop + 1;
            }
            return reference(in, stop, limit, endOfInput);
        }
        if (mode == TagEffects.PLAINTEXT) {
            if (!effects.showing()) {
                return limit;
            }
            int stop = text.appendText(in, p, limit);
            if (stop < limit) {
                text.append(in[stop]); // '<' or '&': text too
                stop++;
            }
            return stop;
        }
        return rawText(in, p, limit, endOfInput);
    }

    // RCDATA or raw text: up to the end tag of the element it is in
    private int rawText(char[] in, int from, int limit, boolean endOfInput) {
        boolean showing = effects.showing();
        char[] endName = HtmlElements.name(effects.rawTextSlot());
        int p = from;
        while (p < limit) {
            int stop = showing ? text.appendText(in, p, limit) : indexOfLessThan(in, p, limit);
            if (stop == limit) {
                return stop;
            }
            if (in[stop] == '&') {
                if (effects.mode() == TagEffects.RCDATA) {
                    return reference(in, stop, limit, endOfInput);
                }
                text.append('&');
                p = stop + 1;
                continue;
            }
            if (limit - stop < endName.length + 3 && !endOfInput) {
                return starve(stop);
            }
            if (TagScanner.isEndTag(in, stop, limit, endName)) {
                tag.beginAfterEndTagName(effects.rawTextSlot());
                state = TAG;
                return stop + 2 + endName.length;
            }
            if (showing) {
                text.append('<');
            }
            p = stop + 1;
        }
        return p;
    }

    private static int indexOfLessThan(char[] in, int from, int limit) {
        int p = from;
        while (p < limit && in[p] != '<') {
            p++;
        }
        return p;
    }

    // at '&' in visible text
    private int reference(char[] in, int p, int limit, boolean endOfInput) {
        if (limit - p < LOOKAHEAD && !endOfInput) {
            return starve(p);
        }
        if (p + 1 < limit) {
            char next = in[p + 1];
            if (next == '#') {
                numeric.begin();
                state = NUMERIC_REFERENCE;
                return p + 2;
            }
            if (NamedCharacterReference.isAsciiLetter(next)) {
                int after = named.decode(in, p + 1, limit, text);
                if (after > p + 1) {
                    return after;
                }
            }
        }
        text.append('&');
        return p + 1;
    }

    private int numericReference(char[] in, int p, int limit) {
        int after = numeric.scan(in, p, limit, text);
        if (numeric.complete()) {
            state = CONTENT;
        }
        return after;
    }

    private int tagOpen(char c, int p) {
        if (NamedCharacterReference.isAsciiLetter(c)) {
            tag.begin(false);
            state = TAG;
            return p;
        }
        if (c == '!') {
            state = MARKUP_DECLARATION;
        } else if (c == '/') {
            state = END_TAG_OPEN;
        } else if (c == '?') {
            comment.beginBogus();
            state = COMMENT;
        } else {
            visibleChar('<');
            state = CONTENT;
            return p;
        }
        return p + 1;
    }

    private int endTagOpen(char c, int p) {
        if (NamedCharacterReference.isAsciiLetter(c)) {
            tag.begin(true);
            state = TAG;
            return p;
        }
        if (c == '>') {
            state = CONTENT; // "</>" is nothing
            return p + 1;
        }
        comment.beginBogus();
        state = COMMENT;
        return p;
    }

    private int tag(char[] in, int p, int limit) {
        int after = tag.scan(in, p, limit);
        if (tag.complete()) {
            state = CONTENT;
            if (tag.isEndTag()) {
                effects.endTag(tag.slot());
            } else {
                effects.startTag(tag.slot());
            }
        }
        return after;
    }

    private int markupDeclaration(char[] in, int p, int limit, boolean endOfInput) {
        if (limit - p < 7 && !endOfInput) {
            return starve(p);
        }
        state = COMMENT;
        if (startsWith(in, p, limit, "--")) {
            comment.beginComment();
            return p + 2;
        }
        if (startsWith(in, p, limit, "[CDATA[")) {
            comment.beginCdata();
            return p + 7;
        }
        comment.beginBogus(); // a doctype too: it ends at its first '>', even one in quotes
        return p;
    }

    private int comment(char[] in, int p, int limit) {
        int after = comment.scan(in, p, limit);
        if (comment.complete()) {
            state = CONTENT;
        }
        return after;
    }

    private void end() {
        if (state == TAG_OPEN) {
            visibleChar('<');
        } else if (state == END_TAG_OPEN) {
            visibleChar('<');
            visibleChar('/');
        } else if (state == NUMERIC_REFERENCE) {
            numeric.end(text);
        }
    }

    private void visibleChar(char c) {
        if (effects.showing()) {
            text.append(c);
        }
    }

    private int starve(int p) {
        starved = true;
        return p;
    }

    private static boolean startsWith(char[] in, int p, int limit, String prefix) {
        if (limit - p < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (in[p + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
