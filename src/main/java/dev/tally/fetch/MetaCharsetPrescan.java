package dev.tally.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The charset a page declares in its first bytes, by the HTML5 prescan: {@code <meta charset=...>} or
 * {@code <meta http-equiv="Content-Type" content="...; charset=...">}, skipping comments and the attributes
 * of other tags; failing that, an XML declaration's encoding, which jsoup also honoured.
 */
final class MetaCharsetPrescan {

    private final String head; // one char a byte
    private final int length;
    private int p;
    private String attributeName;
    private String attributeValue;

    private MetaCharsetPrescan(String head) {
        this.head = head;
        this.length = head.length();
    }

    /** The declared charset, if any and supported, of a document starting with {@code head[0..length)}. */
    static Charset find(byte[] head, int length) {
        String bytes = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        Charset declared = new MetaCharsetPrescan(bytes).meta();
        return declared != null ? declared : xmlDeclaration(bytes);
    }

    private Charset meta() {
        while (p < length) {
            if (startsWith("<!--")) {
                int end = head.indexOf("-->", p + 2);
                if (end < 0) {
                    return null;
                }
                p = end + 3;
            } else if (startsWith("<meta")
                    && p + 5 < length
                    && (isSpace(head.charAt(p + 5)) || head.charAt(p + 5) == '/')) {
                p += 5;
                Charset charset = metaCharset();
                if (charset != null) {
                    return charset;
                }
            } else if (isTagStart()) {
                while (p < length && !isSpace(head.charAt(p)) && head.charAt(p) != '>') {
                    p++;
                }
                while (nextAttribute()) {
                    // skipped: only where the tag ends matters
                }
            } else if (startsWith("<!") || startsWith("</") || startsWith("<?")) {
                int end = head.indexOf('>', p);
                p = end < 0 ? length : end + 1;
            } else {
                p++;
            }
        }
        return null;
    }

    private Charset metaCharset() {
        boolean pragma = false;
        String fromCharset = null;
        String fromContent = null;
        while (nextAttribute()) {
            switch (attributeName) {
                case "http-equiv" -> pragma |= attributeValue.equals("content-type");
                case "content" -> fromContent = fromContent == null ? charsetInContent(attributeValue) : fromContent;
                case "charset" -> fromCharset = fromCharset == null ? attributeValue : fromCharset;
                default -> {}
            }
        }
        String label = fromCharset != null ? fromCharset : pragma ? fromContent : null;
        return label == null ? null : supported(label);
    }

    // "<a" or "</a"
    private boolean isTagStart() {
        int letter = p + (startsWith("</") ? 2 : 1);
        return head.charAt(p) == '<' && letter < length && isLetter(head.charAt(letter));
    }

    // the prescan's "get an attribute": false at the tag's '>' or where the bytes end before the attribute does
    private boolean nextAttribute() {
        while (p < length && (isSpace(head.charAt(p)) || head.charAt(p) == '/')) {
            p++;
        }
        if (p >= length || head.charAt(p) == '>') {
            return false;
        }
        int nameStart = p;
        do {
            p++;
        } while (p < length && "=/>".indexOf(head.charAt(p)) < 0 && !isSpace(head.charAt(p)));
        attributeName = lowerCase(nameStart, p);
        attributeValue = "";
        p = skipSpaces(head, p);
        if (p >= length || head.charAt(p) != '=') {
            return p < length;
        }
        p = skipSpaces(head, p + 1);
        if (p < length && (head.charAt(p) == '"' || head.charAt(p) == '\'')) {
            int close = head.indexOf(head.charAt(p), p + 1);
            if (close < 0) {
                return false;
            }
            attributeValue = lowerCase(p + 1, close);
            p = close + 1;
            return true;
        }
        int valueStart = p;
        while (p < length && !isSpace(head.charAt(p)) && head.charAt(p) != '>') {
            p++;
        }
        attributeValue = lowerCase(valueStart, p);
        return p < length;
    }

    // HTML5's "extracting a character encoding from a meta element": "text/html; charset=koi8-r"
    static String charsetInContent(String content) {
        int p = -1;
        for (int at = content.indexOf("charset"); at >= 0 && p < 0; at = content.indexOf("charset", at + 7)) {
            int afterName = skipSpaces(content, at + 7);
            if (afterName < content.length() && content.charAt(afterName) == '=') {
                p = skipSpaces(content, afterName + 1);
            }
        }
        if (p < 0 || p >= content.length()) {
            return null;
        }
        char first = content.charAt(p);
        if (first == '"' || first == '\'') {
            int close = content.indexOf(first, p + 1);
            return close < 0 ? null : content.substring(p + 1, close);
        }
        int end = p;
        while (end < content.length() && !isSpace(content.charAt(end)) && content.charAt(end) != ';') {
            end++;
        }
        return content.substring(p, end);
    }

    private static Charset xmlDeclaration(String head) {
        if (!head.startsWith("<?xml")) {
            return null;
        }
        int end = head.indexOf('>');
        String declaration = (end < 0 ? head : head.substring(0, end)).toLowerCase(Locale.ROOT);
        String label = charsetInContent(declaration.replace("encoding", "charset"));
        return label == null ? null : supported(label);
    }

    // A page that got this far in an ASCII-compatible encoding is not UTF-16, whatever it says.
    private static Charset supported(String label) {
        String name = label.strip();
        if (name.startsWith("utf-16")) {
            return StandardCharsets.UTF_8;
        }
        if (name.equals("x-user-defined")) {
            return Charset.forName("windows-1252");
        }
        return ContentType.supportedCharset(name);
    }

    private boolean startsWith(String prefix) {
        return head.regionMatches(true, p, prefix, 0, prefix.length());
    }

    private String lowerCase(int from, int to) {
        return head.substring(from, to).toLowerCase(Locale.ROOT);
    }

    private static int skipSpaces(String text, int from) {
        int p = from;
        while (p < text.length() && isSpace(text.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isSpace(char c) {
        return TagScanner.isSpace(c);
    }

    private static boolean isLetter(char c) {
        return NamedCharacterReference.isAsciiLetter(c);
    }
}
