package dev.tally.fetch;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * The oracle for {@link HtmlScanner}: how TextExtractor found the visible text before it streamed, by parsing
 * the whole page with jsoup and walking the tree.
 *
 * <p>Collects the text of an HTML tree the way it renders: words inside inline elements join up
 * ("<b>he</b>llo" is "hello"), block elements and line breaks separate them, and runs of
 * whitespace collapse to one space. Script and style content never appears (jsoup keeps it as
 * data, not text); noscript and template are dropped because a browser running scripts shows
 * neither. The title is kept: the original service's BeautifulSoup get_text() counted it too.
 */
final class JsoupVisibleText implements NodeFilter {

    private static final Set<String> HIDDEN = Set.of("script", "style", "noscript", "template");

    // Elements rendered on their own line or in their own box. Form controls are included so the
    // labels of neighbouring buttons or options do not fuse into one word.
    private static final Set<String> SEPARATED = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "body",
            "br",
            "button",
            "caption",
            "center",
            "dd",
            "details",
            "dialog",
            "dir",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "head",
            "header",
            "hgroup",
            "hr",
            "html",
            "img",
            "input",
            "legend",
            "li",
            "listing",
            "main",
            "menu",
            "nav",
            "ol",
            "optgroup",
            "option",
            "p",
            "plaintext",
            "pre",
            "section",
            "select",
            "summary",
            "table",
            "tbody",
            "td",
            "textarea",
            "tfoot",
            "th",
            "thead",
            "title",
            "tr",
            "ul",
            "xmp");

    private final StringBuilder text = new StringBuilder();

    private JsoupVisibleText() {}

    static String of(String html) {
        return of(Jsoup.parse(html));
    }

    static String of(Node root) {
        JsoupVisibleText collector = new JsoupVisibleText();
        root.filter(collector);
        return collector.text.toString().strip();
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode textNode) {
            appendCollapsed(textNode.getWholeText());
        } else if (node instanceof Element element) {
            if (HIDDEN.contains(element.normalName())) {
                return FilterResult.SKIP_ENTIRELY;
            }
            separateIfBlock(element);
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element element) {
            separateIfBlock(element);
        }
        return FilterResult.CONTINUE;
    }

    private void separateIfBlock(Element element) {
        if (!SEPARATED.contains(element.normalName()) || text.length() == 0) {
            return;
        }
        int last = text.length() - 1;
        if (text.charAt(last) == ' ') {
            text.setCharAt(last, '\n');
        } else if (text.charAt(last) != '\n') {
            text.append('\n');
        }
    }

    // Counts no-break and other Unicode spaces as whitespace: "a&nbsp;b" shows as two words.
    private void appendCollapsed(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (text.length() > 0 && !isSeparator(text.charAt(text.length() - 1))) {
                    text.append(' ');
                }
            } else {
                text.append(c);
            }
        }
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\n';
    }
}
