package dev.tally.fetch;

/**
 * What a tag does to the text around it, as far as the tree builder would show: whether the text that follows
 * is markup, RCDATA, raw text or plain text to the end, whether it shows, and whether the tag breaks words
 * (separated elements in HtmlElements; an end tag only if it closes an open one, so "a&lt;/div>b" is "ab").
 */
final class TagEffects {

    /** Markup and character references follow. */
    static final int DATA = 0;
    /** Character references but no markup follow, up to the end tag of {@link #rawTextSlot()}. */
    static final int RCDATA = 1;
    /** Raw text follows, up to the end tag of {@link #rawTextSlot()}. */
    static final int RAW_TEXT = 2;
    /** Text follows, to the end. */
    static final int PLAINTEXT = 3;

    private final VisibleTextBuffer text;
    private static final int NOSCRIPT = HtmlElements.slot("noscript".toCharArray(), "noscript".length());

    private final HiddenNesting hidden = new HiddenNesting();
    private final OpenElements open = new OpenElements();
    private int mode = DATA;
    private int rawTextSlot = -1;
    private boolean rawTextHidden;

    TagEffects(VisibleTextBuffer text) {
        this.text = text;
    }

    int mode() {
        return mode;
    }

    /** The element whose end tag ends RCDATA or raw text. */
    int rawTextSlot() {
        return rawTextSlot;
    }

    /** Whether text here shows: outside noscript, template, and raw text such as a script's. */
    boolean showing() {
        return !hidden.hiding() && !rawTextHidden;
    }

    /** For a slot from {@link HtmlElements#slot}, -1 for an element not listed there. */
    void startTag(int slot) {
        if (slot < 0) {
            return;
        }
        int kind = HtmlElements.kind(slot);
        if (kind == HtmlElements.HIDDEN_CONTAINER) {
            // a browser running scripts reads a noscript as raw text: a noscript inside one is text, and the
            // first </noscript> ends the outer one
            if (slot != NOSCRIPT || !hidden.isOpen(slot)) {
                hidden.open(slot);
            }
            return;
        }
        if (kind >= HtmlElements.HIDDEN_RAW_TEXT && kind <= HtmlElements.PLAINTEXT) {
            // a self-closing <script/> or <title/> opens one all the same
            mode = kind == HtmlElements.PLAINTEXT ? PLAINTEXT : kind == HtmlElements.RCDATA ? RCDATA : RAW_TEXT;
            rawTextSlot = slot;
            rawTextHidden = kind == HtmlElements.HIDDEN_RAW_TEXT;
        }
        // outside a table, the tree builder ignores the tags of rows and cells
        if (!showing() || kind == HtmlElements.TABLE_PART && !open.inTable()) {
            return;
        }
        open.startTag(slot);
        if (kind == HtmlElements.SEPARATED || kind == HtmlElements.TABLE_PART) {
            open.open(slot);
        }
        text.lineBreak();
    }

    void endTag(int slot) {
        if (slot < 0) {
            return;
        }
        int kind = HtmlElements.kind(slot);
        if (slot == rawTextSlot) {
            if (showing()) {
                text.lineBreak();
            }
            mode = DATA;
            rawTextSlot = -1;
            rawTextHidden = false;
        } else if (kind == HtmlElements.HIDDEN_CONTAINER) {
            hidden.close(slot);
        } else if (showing()
                && (kind == HtmlElements.SEPARATED || kind == HtmlElements.TABLE_PART || kind == HtmlElements.VOID)
                && open.endTag(slot)) {
            text.lineBreak();
        }
    }
}
