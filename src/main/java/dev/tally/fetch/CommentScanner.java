package dev.tally.fetch;

/**
 * Markup that shows nothing, skipped to its end across as many chunks of input as it spans: a comment (ended
 * by "-->", "--!>", or a '>' right after its opening "<!--" or "<!---", as the HTML5 tokenizer ends one), a
 * CDATA section (to "]]>"), or a doctype, processing instruction or other bogus comment (to the first '>').
 * Unterminated, it runs to the end of the input.
 */
final class CommentScanner {

    private static final int COMMENT_START = 0;
    private static final int COMMENT_START_DASH = 1;
    private static final int COMMENT = 2;
    private static final int COMMENT_END_DASH = 3;
    private static final int COMMENT_END = 4;
    private static final int COMMENT_END_BANG = 5;
    private static final int BOGUS = 6;
    private static final int CDATA = 7;
    private static final int CDATA_BRACKET = 8;
    private static final int CDATA_END = 9;
    private static final int COMPLETE = 10;

    private int state = COMPLETE;

    /** After "<!--". */
    void beginComment() {
        state = COMMENT_START;
    }

    /** After "<![CDATA[". */
    void beginCdata() {
        state = CDATA;
    }

    /** Where a '>' ends it: after "<!DOCTYPE", "<?", or a "<!" or "</" that starts nothing else. */
    void beginBogus() {
        state = BOGUS;
    }

    boolean complete() {
        return state == COMPLETE;
    }

    /** Returns the position after what it consumed: after the end of the markup, or the limit. */
    int scan(char[] in, int from, int limit) {
        int p = from;
        while (p < limit) {
            switch (state) {
                case COMMENT -> p = after(in, p, limit, '-', COMMENT_END_DASH);
                case BOGUS -> p = after(in, p, limit, '>', COMPLETE);
                case CDATA -> p = after(in, p, limit, ']', CDATA_BRACKET);
                default -> state = next(in[p++]);
            }
            if (state == COMPLETE) {
                return p;
            }
        }
        return p;
    }

    // Any char a state does not expect goes back to the comment or CDATA body; it is never the one that
    // body looks for, so consuming it there comes to the same.
    private int next(char c) {
        return switch (state) {
            case COMMENT_START -> c == '-' ? COMMENT_START_DASH : c == '>' ? COMPLETE : COMMENT;
            case COMMENT_START_DASH, COMMENT_END_BANG -> c == '-' ? endDash() : c == '>' ? COMPLETE : COMMENT;
            case COMMENT_END_DASH -> c == '-' ? COMMENT_END : COMMENT;
            case COMMENT_END -> c == '>' ? COMPLETE : c == '!' ? COMMENT_END_BANG : c == '-' ? COMMENT_END : COMMENT;
            case CDATA_BRACKET -> c == ']' ? CDATA_END : CDATA;
            case CDATA_END -> c == '>' ? COMPLETE : c == ']' ? CDATA_END : CDATA;
            default -> throw new IllegalStateException("scanning complete markup");
        };
    }

    // "<!---" then '-' ends the comment's opening at "--" ("<!----" then '>' closes it); "--!" then '-' is one
    // dash towards a new end.
    private int endDash() {
        return state == COMMENT_START_DASH ? COMMENT_END : COMMENT_END_DASH;
    }

    private int after(char[] in, int from, int limit, char wanted, int then) {
        for (int p = from; p < limit; p++) {
            if (in[p] == wanted) {
                state = then;
                return p + 1;
            }
        }
        return limit;
    }
}
