package dev.tally.fetch;

/**
 * A start or end tag from its name to its closing '>', as the HTML5 tokenizer reads it, across as many
 * chunks of input as it spans. Attributes are skipped; only where they end matters, since a quoted value may
 * hold a '>'. A tag still open at the end of the input is dropped, as a parser drops it.
 */
final class TagScanner {

    private static final int NAME = 0;
    private static final int BEFORE_ATTRIBUTE_NAME = 1; // also after a quoted value and after a '/'
    // the attribute name state and the state after it act alike once names are not kept
    private static final int ATTRIBUTE_NAME = 2;
    private static final int BEFORE_ATTRIBUTE_VALUE = 3;
    private static final int DOUBLE_QUOTED_VALUE = 4;
    private static final int SINGLE_QUOTED_VALUE = 5;
    private static final int UNQUOTED_VALUE = 6;
    private static final int COMPLETE = 7;

    private final char[] name = new char[HtmlElements.MAX_NAME];
    private int nameLength;
    private int knownSlot;
    private boolean endTag;
    private int state = COMPLETE;

    /** At the first letter of the tag's name. */
    void begin(boolean isEndTag) {
        endTag = isEndTag;
        nameLength = 0;
        knownSlot = -1;
        state = NAME;
    }

    /** Right after the name of an end tag already matched (the end of a script or title). */
    void beginAfterEndTagName(int slot) {
        endTag = true;
        knownSlot = slot;
        state = BEFORE_ATTRIBUTE_NAME;
    }

    boolean complete() {
        return state == COMPLETE;
    }

    boolean isEndTag() {
        return endTag;
    }

    /** The tag's element in {@link HtmlElements}, or -1. */
    int slot() {
        return knownSlot >= 0 ? knownSlot : HtmlElements.slot(name, nameLength);
    }

    /** Consumes the tag up to its '>' or the end of the input; returns the position after what it consumed. */
    int scan(char[] in, int from, int limit) {
        int p = from;
        while (p < limit) {
            if (state == DOUBLE_QUOTED_VALUE || state == SINGLE_QUOTED_VALUE) {
                p = afterQuote(in, p, limit, state == DOUBLE_QUOTED_VALUE ? '"' : '\'');
                continue;
            }
            char c = in[p++];
            switch (state) {
                case NAME -> name(c);
                case BEFORE_ATTRIBUTE_NAME -> {
                    if (c == '>') {
                        state = COMPLETE;
                    } else if (!isSpace(c) && c != '/') {
                        state = ATTRIBUTE_NAME; // even a '=' starts a name here
                    }
                }
                case ATTRIBUTE_NAME -> attributeName(c);
                case BEFORE_ATTRIBUTE_VALUE -> beforeValue(c);
                case UNQUOTED_VALUE -> {
                    if (c == '>') {
                        state = COMPLETE;
                    } else if (isSpace(c)) {
                        state = BEFORE_ATTRIBUTE_NAME;
                    }
                }
                default -> throw new IllegalStateException("scanning a complete tag");
            }
            if (state == COMPLETE) {
                return p;
            }
        }
        return p;
    }

    private void name(char c) {
        if (c == '>') {
            state = COMPLETE;
        } else if (isSpace(c) || c == '/') {
            state = BEFORE_ATTRIBUTE_NAME;
        } else if (nameLength < name.length) {
            name[nameLength++] = lowerCase(c);
        } else {
            nameLength = name.length + 1; // longer than any listed element's
        }
    }

    private void attributeName(char c) {
        if (c == '>') {
            state = COMPLETE;
        } else if (c == '=') {
            state = BEFORE_ATTRIBUTE_VALUE;
        } else if (c == '/') {
            state = BEFORE_ATTRIBUTE_NAME;
        }
    }

    private void beforeValue(char c) {
        if (c == '"') {
            state = DOUBLE_QUOTED_VALUE;
        } else if (c == '\'') {
            state = SINGLE_QUOTED_VALUE;
        } else if (c == '>') {
            state = COMPLETE;
        } else if (!isSpace(c)) {
            state = UNQUOTED_VALUE;
        }
    }

    private int afterQuote(char[] in, int from, int limit, char quote) {
        for (int p = from; p < limit; p++) {
            if (in[p] == quote) {
                state = BEFORE_ATTRIBUTE_NAME;
                return p + 1;
            }
        }
        return limit;
    }

    /** Whether {@code in[p..]} holds "&lt;/name" and a char that ends a tag name: the end tag of a script, say. */
    static boolean isEndTag(char[] in, int p, int limit, char[] name) {
        int after = p + 2 + name.length;
        if (after >= limit || in[p + 1] != '/' || !(isSpace(in[after]) || in[after] == '/' || in[after] == '>')) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (lowerCase(in[p + 2 + i]) != name[i]) {
                return false;
            }
        }
        return true;
    }

    private static char lowerCase(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Whitespace between a tag's name and attributes (a CR is one too: a parser first makes it a line feed). */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }
}
