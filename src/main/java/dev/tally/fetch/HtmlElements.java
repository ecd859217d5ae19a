package dev.tally.fetch;

/**
 * The elements whose tags change what text an HTML page shows, found by their lower-case name without
 * building a String per tag. Every other element is inline: its tags neither show nor separate anything.
 */
final class HtmlElements {

    /** Rendered in a box or line of its own: its tags separate words. */
    static final int SEPARATED = 1;
    /** A separated element without content or end tag (br, img). */
    static final int VOID = 2;
    /** Raw text (no markup, no character references) that never shows: script, style. */
    static final int HIDDEN_RAW_TEXT = 3;
    /** Raw text that shows, separated: xmp. */
    static final int RAW_TEXT = 4;
    /**
     * Text with character references but no markup, separated: textarea, and title, which the original service's
     * BeautifulSoup get_text() counted too.
     */
    static final int RCDATA = 5;
    /** Everything after its start tag is text. */
    static final int PLAINTEXT = 6;
    /** Markup whose content never shows, however deeply it nests: noscript, template. */
    static final int HIDDEN_CONTAINER = 7;
    /** Separated inside a table (td, tr); elsewhere its tags are ignored. */
    static final int TABLE_PART = 8;

    /** Longer names are of no element listed here. */
    static final int MAX_NAME = 10;

    // head, body and html are left out: their tags inside a page are ignored, and at its edges separate nothing.
    // Form controls are in, so that the labels of neighbouring buttons or options do not fuse into one word.
    private static final String SEPARATED_NAMES = "address article aside blockquote button center dd details dialog"
            + " dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup legend li"
            + " listing main menu nav ol optgroup option p pre section select summary table ul";
    private static final String TABLE_PART_NAMES = "caption tbody td tfoot th thead tr";
    // image is what a parser makes of <image>: an img.
    private static final String VOID_NAMES = "br hr img image input";
    // iframe, noembed and noframes content is fallback markup that jsoup keeps as data, like a script's.
    private static final String HIDDEN_RAW_TEXT_NAMES = "script style iframe noembed noframes";

    private static final int CAPACITY = 256;
    private static final char[][] NAMES = new char[CAPACITY][];
    private static final byte[] KINDS = new byte[CAPACITY];

    static {
        register(SEPARATED_NAMES, SEPARATED);
        register(TABLE_PART_NAMES, TABLE_PART);
        register(VOID_NAMES, VOID);
        register(HIDDEN_RAW_TEXT_NAMES, HIDDEN_RAW_TEXT);
        register("xmp", RAW_TEXT);
        register("title textarea", RCDATA);
        register("plaintext", PLAINTEXT);
        register("noscript template", HIDDEN_CONTAINER);
    }

    private HtmlElements() {}

    /**
     * The slot of a listed element (below 256), -1 for any other.
     *
     * @param name lower-case ASCII name in {@code name[0..length)}
     */
    static int slot(char[] name, int length) {
        if (length == 0 || length > MAX_NAME) {
            return -1;
        }
        for (int slot = hash(name, length); NAMES[slot] != null; slot = (slot + 1) % CAPACITY) {
            if (sameName(NAMES[slot], name, length)) {
                return slot;
            }
        }
        return -1;
    }

    /** One of the kinds above, for a slot from {@link #slot}, or 0 for a slot of no element. */
    static int kind(int slot) {
        return KINDS[slot];
    }

    static char[] name(int slot) {
        return NAMES[slot];
    }

    /** The slot of a listed element's name. */
    static int slotOf(String name) {
        return slot(name.toCharArray(), name.length());
    }

    private static void register(String names, int kind) {
        for (String name : names.split(" ")) {
            char[] chars = name.toCharArray();
            int slot = hash(chars, chars.length);
            while (NAMES[slot] != null) {
                slot = (slot + 1) % CAPACITY;
            }
            NAMES[slot] = chars;
            KINDS[slot] = (byte) kind;
        }
    }

    private static int hash(char[] name, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = hash * 31 + name[i];
        }
        return (hash ^ hash >>> 8) & (CAPACITY - 1);
    }

    private static boolean sameName(char[] known, char[] name, int length) {
        if (known.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known[i] != name[i]) {
                return false;
            }
        }
        return true;
    }
}
