package dev.tally.fetch;

/**
 * HTML to visible text in one pass over the chars, chunk by chunk, without a tree: the HTML5 tokenizer's
 * states for text and character references here, those for tags and comments in MarkupScanner, and from the
 * tree builder only what decides which text shows and where words break (TagEffects). Script, style and similar raw text never shows; noscript and
 * template content is hidden however it nests; title, textarea and xmp show. Comments, doctypes, processing
 * instructions, CDATA sections and attributes never show.
 *
 * <p>Not thread-safe; one per document.
 */
final class HtmlScanner {

    /** At most this many chars at the end of a chunk may be left for the next pass, to be seen together. */
    static final int LOOKAHEAD = NamedCharacterReference.LOOKAHEAD + 8;

    private static final int CONTENT = 0; // text, as the mode says
    private static final int MARKUP = 1; // after '<'
    private static final int NUMERIC_REFERENCE = 2;

    private final VisibleTextBuffer text;
    private final NumericCharacterReference numeric = new NumericCharacterReference();
    private final NamedCharacterReference named = new NamedCharacterReference();
    private final TagEffects effects;
    private final MarkupScanner markup;
    private int state = CONTENT;
    private boolean starved;

    HtmlScanner(VisibleTextBuffer text) {
        this.text = text;
        this.effects = new TagEffects(text);
        this.markup = new MarkupScanner(text, effects);
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
                case MARKUP -> markup(in, p, limit, endOfInput);
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
                markup.begin();
                state = MARKUP;
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
                markup.beginAfterEndTagName(effects.rawTextSlot());
                state = MARKUP;
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

    private int markup(char[] in, int p, int limit, boolean endOfInput) {
        int after = markup.scan(in, p, limit, endOfInput);
        if (markup.complete()) {
            state = CONTENT;
        } else if (after < limit) {
            return starve(after);
        }
        return after;
    }

    private void end() {
        if (state == MARKUP) {
            markup.end();
        } else if (state == NUMERIC_REFERENCE) {
            numeric.end(text);
        }
    }

    private int starve(int p) {
        starved = true;
        return p;
    }
}
