package dev.tally.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity with {@code Counter(re.findall(r"(\w[\w']*\w|\w)", text.lower()))} in Python 3. Expected tokens follow
 * from the regex: a token starts at a \w char, extends over [\w'] and gives back trailing apostrophes; \w is
 * {@code isalnum() or '_'} (letters Lu/Ll/Lt/Lm/Lo and numbers Nd/Nl/No, never marks Mn/Mc/Me).
 */
class WordCounterParityTest {

    private final WordCounter counter = new WordCounter();

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void countsLikeThePythonService(String input, List<String> expectedTokens) {
        WordHistogram histogram = counter.countText(input);

        assertThat(histogram.counts()).isEqualTo(histogramOf(expectedTokens));
        assertThat(histogram.totalWords()).isEqualTo(expectedTokens.size());
        assertThat(histogram.distinctWords())
                .isEqualTo(histogramOf(expectedTokens).size());
    }

    static Map<String, Long> histogramOf(List<String> tokens) {
        Map<String, Long> histogram = new HashMap<>();
        tokens.forEach(token -> histogram.merge(token, 1L, Long::sum));
        return histogram;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                parity("empty", ""),
                parity("whitespace only", " \t\n\r\n\u00A0 "),
                parity("inner apostrophe", "Don't", "don't"),
                parity("digits inside a word", "n4t3", "n4t3"),
                parity("underscore is \\w", "hello_world", "hello_world"),
                parity("lone and surrounding underscores", "_ __init__ _x_", "_", "__init__", "_x_"),
                parity("quoted word loses both apostrophes", "'quoted'", "quoted"),
                parity("comma splits numbers", "1,000", "1", "000"),
                parity("chained apostrophes", "rock'n'roll", "rock'n'roll"),
                parity("trailing apostrophe dropped", "dogs'", "dogs"),
                parity("double inner apostrophe kept", "a''b", "a''b"),
                parity("apostrophes only", "''", new String[0]),
                parity("single char then apostrophe", "x'", "x"),
                parity("leading apostrophe", "'x", "x"),
                // dropped apostrophes do not glue onto the next token
                parity("apostrophes between tokens", "'''hello'''world''' x'' ''y", "hello'''world", "x", "y"),
                parity("contractions in a sentence", "It's o'clock, y'all!", "it's", "o'clock", "y'all"),
                parity("apostrophe after digits", "90's '90s", "90's", "90s"),
                parity("case folding", "The the THE tHe", "the", "the", "the", "the"),
                // only U+0027 is an apostrophe; U+2019 is punctuation
                parity("typographic apostrophe splits", "Right\u2019s", "right", "s"),
                parity("hyphens split", "state-of-the-art", "state", "of", "the", "art"),
                parity("e-mail address", "E-mail: User@Example.com", "e", "mail", "user", "example", "com"),
                parity("decimal point splits", "3.14159 42nd", "3", "14159", "42nd"),
                parity(
                        "whitespace variety",
                        "tab\tsep\nnew\r\nline\u00A0nbsp\u2003em\u3000ideo",
                        "tab",
                        "sep",
                        "new",
                        "line",
                        "nbsp",
                        "em",
                        "ideo"),
                parity("symbols and currency", "\u20AC100 + $5 = 5% #1 @x", "100", "5", "5", "1", "x"),
                parity("emoji are not \\w", "I \u2764\uFE0F \uD83C\uDF55 pizza \uD83D\uDC4D\uD83C\uDFFD", "i", "pizza"),
                parity("emoji between letters", "ab\uD83D\uDE00cd", "ab", "cd"),
                // soft hyphen (Cf) and zero-width joiner (Cf) are not \w
                parity("format characters split", "co\u00ADoperate a\u200Db", "co", "operate", "a", "b"),
                parity(
                        "cyrillic",
                        "\u041F\u0440\u0438\u0432\u0435\u0442, \u041C\u0418\u0420!",
                        "\u043F\u0440\u0438\u0432\u0435\u0442",
                        "\u043C\u0438\u0440"),
                parity("greek final sigma", "\u039F\u0394\u039F\u03A3", "\u03BF\u03B4\u03BF\u03C2"),
                // word-initial Σ is not preceded by a cased letter; word-final one is
                parity(
                        "greek sigma both ends",
                        "\u03A3\u039F\u03A6\u039F\u03A3 \u03C3\u03BF\u03C6\u03CC\u03C2",
                        "\u03C3\u03BF\u03C6\u03BF\u03C2",
                        "\u03C3\u03BF\u03C6\u03CC\u03C2"),
                parity("lone capital sigma", "\u03A3", "\u03C3"),
                parity("double capital sigma", "\u03A3\u03A3", "\u03C3\u03C2"),
                // '.' is case-ignorable, so Σ still "sees" the cased Α after it: no final form
                parity(
                        "sigma before dot and letter",
                        "\u039F\u0394\u039F\u03A3.\u0391",
                        "\u03BF\u03B4\u03BF\u03C3",
                        "\u03B1"),
                parity("sigma before dot and end", "\u039F\u0394\u039F\u03A3.", "\u03BF\u03B4\u03BF\u03C2"),
                parity(
                        "sigma before apostrophe",
                        "\u0391\u03A3'\u0391 \u0391\u03A3'",
                        "\u03B1\u03C3'\u03B1",
                        "\u03B1\u03C2"),
                // a digit is neither cased nor case-ignorable, so the sigma before it is final
                parity("sigma before digit", "\u0391\u03A31", "\u03B1\u03C21"),
                parity("cjk run is one token", "\u6211\u7231\u5317\u4EAC", "\u6211\u7231\u5317\u4EAC"),
                // katakana prolonged sound mark U+30FC is Lm, hence \w
                parity(
                        "japanese with prolonged sound mark",
                        "\u6771\u4EAC\u30BF\u30EF\u30FC",
                        "\u6771\u4EAC\u30BF\u30EF\u30FC"),
                parity(
                        "arabic",
                        "\u0645\u0631\u062D\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",
                        "\u0645\u0631\u062D\u0628\u0627",
                        "\u0628\u0627\u0644\u0639\u0627\u0644\u0645"),
                parity("arabic-indic digits", "\u0663\u0664\u0665", "\u0663\u0664\u0665"),
                // virama U+094D and vowel sign E U+0947 are Mn: "नमस्ते" splits into "नमस" and "त"
                parity("devanagari Mn splits", "\u0928\u092E\u0938\u094D\u0924\u0947", "\u0928\u092E\u0938", "\u0924"),
                // vowel sign U+0941 is Mn, U+093F and U+093E are Mc: "दुनिया" splits into three
                parity("devanagari Mc splits", "\u0926\u0941\u0928\u093F\u092F\u093E", "\u0926", "\u0928", "\u092F"),
                parity(
                        "hebrew niqqud splits",
                        "\u05E9\u05B8\u05C1\u05DC\u05D5\u05B9\u05DD",
                        "\u05E9",
                        "\u05DC\u05D5",
                        "\u05DD"),
                parity("precomposed accent", "Caf\u00C9", "caf\u00E9"),
                parity("decomposed accent splits", "Cafe\u0301 E\u0301tude", "cafe", "e", "tude"),
                parity("superscript, fraction, roman numeral", "x\u00B2 \u00BD \u216B", "x\u00B2", "\u00BD", "\u217B"),
                parity("circled digit is numeric", "\u2460st", "\u2460st"),
                // 'İ'.lower() == "i\u0307" and U+0307 is a mark, so the word breaks after the i
                parity("capital I with dot", "\u0130stanbul \u0130", "i", "stanbul", "i"),
                parity("dotless i stays", "\u0131I", "\u0131i"),
                parity("sharp s", "Stra\u00DFe STRASSE \u1E9E", "stra\u00DFe", "strasse", "\u00DF"),
                parity("titlecase digraph", "\u01C5ungla \u01C4", "\u01C6ungla", "\u01C6"),
                parity("kelvin sign lowercases to ascii k", "\u212Aelvin kelvin", "kelvin", "kelvin"),
                parity("deseret supplementary letter", "\uD801\uDC00bc \uD801\uDC28", "\uD801\uDC28bc", "\uD801\uDC28"),
                parity("math bold has no lowercase", "\uD835\uDC00\uD835\uDC01", "\uD835\uDC00\uD835\uDC01"),
                parity("lone surrogates are not \\w", "a\uD800b\uDC00c", "a", "b", "c"),
                parity("token longer than the read buffer", "Ab".repeat(20_000) + " z", "ab".repeat(20_000), "z"),
                parity(
                        "apostrophes across the read buffer",
                        "x".repeat(16_383) + "''y" + "'".repeat(20_000),
                        "x".repeat(16_383) + "''y"),
                parity(
                        "final sigma across the read buffer",
                        "\u0391".repeat(16_383) + "\u03A3" + ".".repeat(20_000) + "\u0391",
                        "\u03B1".repeat(16_383) + "\u03C3",
                        "\u03B1"),
                // tokens of 8/9 and 16/17 chars sit on the limits of the packed (byte-per-char) keys
                parity(
                        "token lengths around 8 and 16",
                        "Abcdefgh Abcdefghi Abcdefghijklmnop Abcdefghijklmnopq"
                                + " abcdefg'h abcdefghijklmno' abcdefghijklmnop'q",
                        "abcdefgh",
                        "abcdefghi",
                        "abcdefghijklmnop",
                        "abcdefghijklmnopq",
                        "abcdefg'h",
                        "abcdefghijklmno",
                        "abcdefghijklmnop'q"));
    }

    private static Arguments parity(String description, String input, String... expectedTokens) {
        return Arguments.of(Named.of(description, input), List.of(expectedTokens));
    }
}
