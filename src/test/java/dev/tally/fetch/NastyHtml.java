package dev.tally.fetch;

import java.util.List;
import java.util.Random;

/**
 * Seeded random pages of the markup real pages get wrong: unclosed and mis-nested tags, upper-case and
 * self-closing tags, quoted attributes holding '>', comments of every form, entities with and without ';',
 * scripts holding "&lt;/scr" and "&lt;!--", stray '&lt;', "&lt;/" and '&amp;'.
 *
 * <p>It stays out of the corners where jsoup's tree builder moves or hides text for reasons a streaming scanner
 * does not follow, which HtmlTextDifferentialTest therefore does not compare:
 *
 * <ul>
 *   <li>text directly in a table (foster parenting), including a cell's whose start tag a "&lt;/" swallowed;
 *   <li>blocks and stray end tags inside noscript: jsoup parses it as markup, as a browser without scripts
 *       would, so a block inside closes an enclosing p and the noscript with it, and a {@code </noscript>}
 *       with a block open inside is ignored;
 *   <li>{@code <script/>} inside noscript: jsoup 1.24 takes it as an empty script and parses what follows as
 *       markup (a {@code <!--} in it then hides the rest of the page), where the scanner, like a browser, reads
 *       a script;
 *   <li>headings, list items, buttons, a and nobr directly inside their own kind: the builder closes the outer
 *       one (making a later end tag stray) or, for a and nobr, moves the blocks in between and text with them;
 *   <li>blocks inside select, where the builder ignores them;
 *   <li>legend and dialog, separated but not "special" to the builder, so that the end tag of an inline
 *       element around them closes them too; main, whose end tag jsoup ignores while a block inside is open;
 *   <li>what the scanner does otherwise on purpose (HtmlScannerTest): CDATA sections, xmp, {@code &#xD800;}.
 * </ul>
 */
final class NastyHtml {

    private static final List<String> WORDS = words(
            "the Quick brown fox's don't 1,000 hello_world café naïve Привет 日本語 emoji😀x a-b x.y it's rock'n'roll"
                    + " well—done “quoted” (paren) 50% #tag a=b x>y ! ? ' \" ǅ ﬁne");
    private static final List<String> ENTITIES = words("&amp; &lt; &gt; &quot; &eacute; &Eacute; &copy; &hellip;"
            + " &mdash; &#233; &#xE9; &#XE9; &#x1F600; &#128; &#150; &#x9d; &#65 &#x41 &amp &lt &copy &eacute"
            + " &notit; &ampx &copy2024 &#; &#x; &#xZ &unknown; & &# &NotEqualTilde; &frac12; &nbsp; &nbsp &#32;"
            + " &#x2003; &#0000065; &AMP; &#x110000; &#99999999999; &#0;");
    private static final List<String> SPACES =
            List.of(" ", " ", " ", "  ", "\n", "\t", "\r\n", "\r", "\u00a0", "\u2003", "\u3000", " \n ");
    private static final List<String> INLINE = words(
            "b i em strong span code small sup sub abbr u s mark q cite label font kbd tt big ruby bdi time data unknown-tag");
    private static final List<String> BLOCKS = words(
            "div p blockquote section article pre header footer nav address figure figcaption details summary aside center hgroup menu fieldset listing dir");
    private static final List<String> HEADINGS = List.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final List<String> VOIDS = List.of(
            "br",
            "br/",
            "br /",
            "hr",
            "img src=\"a>b.png\" alt='x > y'",
            "image",
            "input type=text value=\"a>b\"",
            "wbr",
            "BR",
            "meta charset=utf-8",
            "link rel=x href=y");
    private static final List<String> COMMENTS = List.of(
            "<!-- comment -->",
            "<!-- a > b -- c -->",
            "<!---->",
            "<!-->",
            "<!--->",
            "<!-- x --!>",
            "<!-- <p>x</p> -->",
            "<!-- -- -->",
            "<?php echo \"x\"; ?>",
            "<?xml-stylesheet href=\"a\"?>",
            "<!x>",
            "</ x>",
            "</>",
            "</3>",
            "<!DOCTYPE html>");
    private static final List<String> STRAY = List.of("<", " < ", "<3", "<>", "< p>", "a<=b", "<=", "x<-y", "<.", "</");
    private static final List<String> SCRIPT_BODIES = List.of(
            "var x = 1 < 2 && 3 > 2;",
            "document.write('</scr' + 'ipt>');",
            "x = '</script-x>';",
            "<!-- old();",
            "if (a</b) {}",
            "s = \"</scriptx>\";",
            "/* <p>not text</p> */",
            "t = '&amp; <b>';",
            "</scr x",
            "</s ",
            "x</style>y",
            "x = '</scr");

    private final Random random;
    private final StringBuilder html = new StringBuilder();
    private int tableCells; // how many table cells are open around the position
    private boolean inAnchor;
    private boolean inNoscript;

    private NastyHtml(long seed) {
        random = new Random(seed);
    }

    static String page(long seed, int targetChars) {
        return new NastyHtml(seed).page(targetChars);
    }

    private String page(int targetChars) {
        if (random.nextBoolean()) {
            html.append(pick(List.of("<!DOCTYPE html>", "<!doctype HTML>", "<!DOCTYPE html PUBLIC \"-//W3C//DTD\">")));
        }
        html.append("<html><head><title>").append(words(3)).append("</title>");
        html.append("<meta charset=\"utf-8\"><style>p > b { content: \"</sty\"; }</style>");
        html.append("<script>").append(pick(SCRIPT_BODIES)).append("</script>");
        html.append("<noscript><link rel=stylesheet href=x></noscript></head><BODY class=\"a>b\">");
        while (html.length() < targetChars) {
            content(0, false);
        }
        if (random.nextInt(10) == 0) {
            html.append("<plaintext>").append(words(5)).append("<b>&amp;</b>");
        }
        return html.toString();
    }

    // wellFormed: every block is closed (inside noscript and template)
    private void content(int depth, boolean wellFormed) {
        int choice = random.nextInt(depth > 6 ? 8 : 22);
        switch (choice) {
            case 0, 1, 2 -> text();
            case 3 -> html.append(pick(ENTITIES));
            case 4 -> html.append(pick(SPACES));
            case 5 -> html.append('<').append(pick(VOIDS)).append('>');
            case 6 -> html.append(pick(COMMENTS));
            case 7 -> stray(wellFormed);
            case 8, 9 -> element(pick(INLINE), depth, wellFormed, true);
            case 10 -> anchor(depth, wellFormed);
            case 11, 12 -> element(pick(BLOCKS), depth, wellFormed, false);
            case 13 -> heading();
            case 14 -> list(depth, wellFormed);
            case 15 -> table(depth, wellFormed);
            case 16 -> rawText();
            case 17 -> hidden(depth);
            case 18 -> formControls();
            case 19 ->
                html.append(wellFormed ? "" : pick(List.of("</p>", "</br>", "</span>", "</b>", "</em>", "</P >")));
            case 20 -> svg();
            default -> children(depth, wellFormed);
        }
    }

    // A "</" swallows the next tag into a bogus comment: in a table, the next cell's start tag, which leaves its
    // text in the row, where the tree builder moves it out of the table.
    private void stray(boolean wellFormed) {
        String stray = pick(STRAY);
        if (!wellFormed && !(tableCells > 0 && stray.equals("</"))) {
            html.append(stray).append(' ');
        }
    }

    // Another a start tag while one is open makes the tree builder move the blocks in between (the adoption
    // agency), which reorders text: anchors do not nest and are closed.
    private void anchor(int depth, boolean wellFormed) {
        if (inAnchor) {
            text();
            return;
        }
        inAnchor = true;
        html.append("<a href=\"/x?a=1&amp;b=2\">");
        children(depth, wellFormed);
        html.append(endTag("a"));
        inAnchor = false;
    }

    private void children(int depth, boolean wellFormed) {
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            content(depth + 1, wellFormed);
        }
    }

    private void element(String name, int depth, boolean wellFormed, boolean inline) {
        html.append(startTag(name));
        children(depth, wellFormed);
        // inline elements may stay open; blocks only outside noscript (see the class comment)
        boolean mayStayOpen = inline || !wellFormed;
        if (!mayStayOpen || random.nextInt(4) != 0) {
            html.append(endTag(name));
        }
    }

    // inline content only: a heading start tag right inside another heading closes it, leaving its end tag stray
    private void heading() {
        String name = pick(HEADINGS);
        html.append(startTag(name));
        for (int i = 0; i < 3; i++) {
            if (random.nextBoolean()) {
                text();
            } else {
                String inline = pick(INLINE);
                html.append(startTag(inline)).append(words(2)).append(endTag(inline));
            }
        }
        html.append(endTag(name));
    }

    private void list(int depth, boolean wellFormed) {
        String list = random.nextBoolean() ? "ul" : "OL";
        html.append(startTag(list));
        for (int i = random.nextInt(4); i >= 0; i--) {
            html.append(startTag("li"));
            text();
            if (depth < 5 && random.nextInt(3) == 0) {
                list(depth + 1, wellFormed);
            }
            if (depth < 5 && random.nextBoolean()) {
                content(depth + 1, true);
            }
            if (wellFormed || random.nextBoolean()) {
                html.append(endTag("li"));
            }
        }
        html.append(endTag(list));
    }

    private void table(int depth, boolean wellFormed) {
        html.append("<table border=\"1\">");
        if (random.nextBoolean()) {
            html.append("<caption>").append(words(2)).append("</caption>");
        }
        html.append(random.nextBoolean() ? "<tbody>\n" : "");
        for (int row = random.nextInt(3); row >= 0; row--) {
            html.append("<TR>");
            for (int cell = random.nextInt(3); cell >= 0; cell--) {
                String name = random.nextInt(4) == 0 ? "th" : "td";
                html.append('<').append(name).append(" colspan=2>");
                text();
                if (depth < 4) {
                    tableCells++;
                    content(depth + 1, wellFormed);
                    tableCells--;
                }
                html.append(random.nextBoolean() ? "</" + name + ">" : "");
            }
            html.append(random.nextBoolean() ? "</tr>\n" : " ");
        }
        html.append("</table>");
    }

    private void rawText() {
        switch (random.nextInt(6)) {
            case 0 -> {
                String start = pick(List.of("<script>", "<SCRIPT type=\"x>y\">", "<script/>", "<Script >"));
                html.append(inNoscript && start.equals("<script/>") ? "<script>" : start)
                        .append(pick(SCRIPT_BODIES))
                        .append(pick(List.of("</script>", "</SCRIPT >", "</script foo=\"</script>\">", "</script/>")));
            }
            case 1 -> html.append("<style media=\"a>b\">p { content: '</p>'; }</STYLE>");
            case 2 -> html.append("<textarea name=t>").append(words(3)).append(" <b>&amp; x</b></textarea>");
            case 3 -> html.append("<title>").append(words(2)).append("&lt;<i>t</i></title >");
            case 4 -> html.append("<iframe src=x>").append(words(2)).append("<p>in frame</p></iframe>");
            default -> html.append("<noembed>").append(words(2)).append("</noembed>");
        }
    }

    // noscript holds phrasing content only (see the class comment), template anything
    private void hidden(int depth) {
        boolean noscript = random.nextBoolean();
        String name = noscript ? "noscript" : "template";
        boolean outer = !inNoscript;
        inNoscript |= noscript;
        html.append(startTag(name));
        for (int i = random.nextInt(3); i >= 0; i--) {
            if (depth < 5 && random.nextInt(4) == 0) {
                hidden(depth + 1);
            } else if (noscript) {
                phrasing(depth + 1);
            } else {
                content(Math.max(depth, 4), true);
            }
        }
        html.append(endTag(name));
        inNoscript = !outer;
    }

    private void phrasing(int depth) {
        switch (random.nextInt(depth > 6 ? 5 : 7)) {
            case 0, 1 -> text();
            case 2 -> html.append(pick(ENTITIES));
            case 3 -> html.append(pick(COMMENTS));
            case 4 -> html.append(pick(List.of("<br>", "<img src=x>", "<input value=\"a>b\">", "<wbr>")));
            case 5 -> rawText();
            default -> {
                String name = pick(INLINE);
                html.append(startTag(name));
                phrasing(depth + 1);
                html.append(random.nextBoolean() ? endTag(name) : "");
            }
        }
    }

    // the label keeps a stray "</" from swallowing the select tag, which would leave its options (separated, but
    // closed by the end tag of an inline element around them, unlike blocks) outside a select
    private void formControls() {
        html.append("<label>").append(words(1)).append("</label><select name=s>");
        for (int i = random.nextInt(3); i >= 0; i--) {
            html.append("<option value=\"a>b\">").append(words(2)).append(random.nextBoolean() ? "</option>" : "");
        }
        html.append("</select><button type=submit>").append(words(1)).append("</button>");
        html.append("<input value=\"hidden > words\">").append(words(1));
    }

    private void svg() {
        html.append("<svg viewBox=\"0 0 10 10\"><circle r=\"1\"/><text x=\"1\">")
                .append(words(2))
                .append("</text><title>")
                .append(words(1))
                .append("</title></svg>");
    }

    private void text() {
        html.append(words(1 + random.nextInt(6)));
    }

    private String words(int count) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                words.append(random.nextInt(5) == 0 ? pick(SPACES) : " ");
            }
            words.append(pick(WORDS));
        }
        return words.toString();
    }

    private String startTag(String name) {
        String cased = random.nextInt(5) == 0 ? name.toUpperCase(java.util.Locale.ROOT) : name;
        return switch (random.nextInt(8)) {
            case 0 -> "<" + cased + " class=\"x > y\" data-a='1>2'>";
            case 1 -> "<" + cased + " title=unquoted>";
            case 2 -> "<" + cased + " hidden>";
            case 3 -> "<" + cased + "\nid = \"n\"\t>";
            case 4 -> "<" + cased + " a=\"&amp;\"b='x'c=d>";
            default -> "<" + cased + ">";
        };
    }

    private String endTag(String name) {
        return random.nextInt(6) == 0 ? "</" + name.toUpperCase(java.util.Locale.ROOT) + " >" : "</" + name + ">";
    }

    private static List<String> words(String spaceSeparated) {
        return List.of(spaceSeparated.split(" "));
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
