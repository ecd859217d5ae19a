package dev.tally.fetch;

/**
 * The separated elements open around the position, as far as their tags and a few of the tree builder's rules
 * tell: its stack of open elements, less the elements it opens on its own. An end tag separates words only if
 * it closes one of them, and closes those opened inside it too: after {@code <div><dl>a</div>}, a
 * {@code </dl>} is stray and ignored, as the tree builder ignores it. Past a depth no page reaches, elements
 * are counted, not told apart.
 */
final class OpenElements {

    static final int P = HtmlElements.slotOf("p");
    static final int TABLE = HtmlElements.slotOf("table");

    private static final int MAX_DEPTH = 1024;
    private static final int SLOTS = 256;
    private static final int BR = HtmlElements.slotOf("br");
    private static final int LI = HtmlElements.slotOf("li");
    private static final int BUTTON = HtmlElements.slotOf("button");
    private static final boolean[] HEADING = flags("h1 h2 h3 h4 h5 h6");
    private static final boolean[] LIST = flags("ul ol");
    private static final boolean[] CELL = flags("td th caption");
    // Block elements' start tags close an open p ("<p>a<div>b" leaves no p open); a table's only in standards
    // mode, so it is not counted.
    private static final boolean[] CLOSES_P = flags("address article aside blockquote center dd details dialog dir"
            + " div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li listing main"
            + " menu nav ol p plaintext pre section summary ul xmp");

    private final short[] slots = new short[MAX_DEPTH];
    private int depth;
    private int beyondMaxDepth;
    private int tables;

    /** At the start tag of an element that stays open until its end tag or an ancestor's. */
    void open(int slot) {
        if (depth == MAX_DEPTH) {
            beyondMaxDepth++;
            return;
        }
        slots[depth++] = (short) slot;
        if (slot == TABLE) {
            tables++;
        }
    }

    /** At a start tag that closes an open p, if one is. */
    void startTag(int slot) {
        if (CLOSES_P[slot]) {
            close(P);
        }
    }

    boolean inTable() {
        return tables > 0 || beyondMaxDepth > 0;
    }

    /**
     * At an end tag: whether it separates words. It does when it closes an open element (with those opened inside
     * it), or is {@code </p>} or {@code </br>}, of which the tree builder makes an empty p and a br when none is
     * open.
     */
    boolean endTag(int slot) {
        return close(slot) || slot == P || slot == BR;
    }

    private boolean close(int endTag) {
        if (beyondMaxDepth > 0) {
            beyondMaxDepth--;
            return true;
        }
        for (int i = depth - 1; i >= 0; i--) {
            int open = slots[i];
            if (open == endTag || HEADING[open] && HEADING[endTag]) {
                while (depth > i) {
                    if (slots[--depth] == TABLE) {
                        tables--;
                    }
                }
                return true;
            }
            if (bounds(open, endTag)) {
                return false;
            }
        }
        return false;
    }

    // The tree builder's scopes: a table keeps its rows' and cells' end tags (and all others) from closing an
    // element outside it, a cell or caption all but the table's, a list an li's, a button a p's.
    private static boolean bounds(int open, int endTag) {
        if (open == TABLE) {
            return true;
        }
        if (CELL[open]) {
            return HtmlElements.kind(endTag) != HtmlElements.TABLE_PART && endTag != TABLE;
        }
        return endTag == LI && LIST[open] || endTag == P && open == BUTTON;
    }

    private static boolean[] flags(String names) {
        boolean[] flags = new boolean[SLOTS];
        for (String name : names.split(" ")) {
            flags[HtmlElements.slotOf(name)] = true;
        }
        return flags;
    }
}
