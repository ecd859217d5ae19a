package dev.tally.fetch;

/**
 * The noscript and template elements open around the current position: while any is, nothing shows. An end
 * tag closes the innermost open element of its name and any opened inside it, as a parser closes a template;
 * one with none open is ignored. Past a depth no page reaches, elements are counted but not told apart.
 */
final class HiddenNesting {

    private static final int RECORDED = 256;

    private final short[] slots = new short[RECORDED];
    private int depth;

    boolean hiding() {
        return depth > 0;
    }

    void open(int slot) {
        if (depth < RECORDED) {
            slots[depth] = (short) slot;
        }
        depth++;
    }

    boolean isOpen(int slot) {
        for (int i = Math.min(depth, RECORDED) - 1; i >= 0; i--) {
            if (slots[i] == slot) {
                return true;
            }
        }
        return false;
    }

    void close(int slot) {
        if (depth > RECORDED) {
            depth--;
            return;
        }
        for (int i = depth - 1; i >= 0; i--) {
            if (slots[i] == slot) {
                depth = i;
                return;
            }
        }
    }
}
