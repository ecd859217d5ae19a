package dev.tally.fetch;

/**
 * Markup from the char after its '<' to its end, across as many chunks of input as it spans: a start or end tag
 * (TagScanner), whose effects it applies once the tag is complete, or markup that shows nothing
 * (CommentScanner). A '<' that opens neither is text.
 */
final class MarkupScanner {

    private static final int TAG_OPEN = 0; // after '<'
    private static final int END_TAG_OPEN = 1; // after "</"
    private static final int TAG = 2;
    private static final int MARKUP_DECLARATION = 3; // after "<!"
    private static final int COMMENT = 4;
    private static final int COMPLETE = 5;

    private final VisibleTextBuffer text;
    private final TagEffects effects;
    private final TagScanner tag = new TagScanner();
    private final CommentScanner comment = new CommentScanner();
    private int state = COMPLETE;

    MarkupScanner(VisibleTextBuffer text, TagEffects effects) {
        this.text = text;
        this.effects = effects;
    }

    /** After a '<' where markup may start. */
    void begin() {
        state = TAG_OPEN;
    }

    /** Right after the name of the end tag that ends RCDATA or raw text. */
    void beginAfterEndTagName(int slot) {
        tag.beginAfterEndTagName(slot);
        state = TAG;
    }

    boolean complete() {
        return state == COMPLETE;
    }

    /**
     * Scans {@code in[from..limit)} up to the end of the markup; returns the position after what it consumed.
     * Short of the limit while incomplete, it stopped before chars to be seen with the chars that follow.
     */
    int scan(char[] in, int from, int limit, boolean endOfInput) {
        int p = from;
        while (p < limit && state != COMPLETE) {
            switch (state) {
                case TAG_OPEN -> p = tagOpen(in[p], p);
                case END_TAG_OPEN -> p = endTagOpen(in[p], p);
                case TAG -> p = tag(in, p, limit);
                case MARKUP_DECLARATION -> {
                    // what "<!" opens is known only with the 7 chars of "[CDATA[" in sight
                    if (limit - p < 7 && !endOfInput) {
                        return p;
                    }
                    p = markupDeclaration(in, p, limit);
                }
                default -> p = comment(in, p, limit);
            }
        }
        return p;
    }

    /** At the end of the input: a '<' or "</" that nothing followed is text; other markup just ends. */
    void end() {
        if (state == TAG_OPEN) {
            visibleChar('<');
        } else if (state == END_TAG_OPEN) {
            visibleChar('<');
            visibleChar('/');
        }
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
            state = COMPLETE;
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
            state = COMPLETE; // "</>" is nothing
            return p + 1;
        }
        comment.beginBogus();
        state = COMMENT;
        return p;
    }

    private int tag(char[] in, int p, int limit) {
        int after = tag.scan(in, p, limit);
        if (tag.complete()) {
            state = COMPLETE;
            if (tag.isEndTag()) {
                effects.endTag(tag.slot());
            } else {
                effects.startTag(tag.slot());
            }
        }
        return after;
    }

    private int markupDeclaration(char[] in, int p, int limit) {
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
            state = COMPLETE;
        }
        return after;
    }

    private void visibleChar(char c) {
        if (effects.showing()) {
            text.append(c);
        }
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
