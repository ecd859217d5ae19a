package dev.tally.fetch;

import static dev.tally.fetch.FetchTestSupport.readAll;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How an HTML body's bytes become chars: byte order mark, else the header, else a meta prescan, else UTF-8. */
class HtmlCharsetTest {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', textBlock = """
            <meta charset="windows-1251">                                                    ¦ windows-1251
            <META CHARSET=koi8-r>                                                           ¦ KOI8-R
            <meta charset = 'iso-8859-2' />                                                ¦ ISO-8859-2
            <meta http-equiv="Content-Type" content="text/html; charset=windows-1251">       ¦ windows-1251
            <meta content="text/html;charset='koi8-r'" http-equiv=content-type>             ¦ KOI8-R
            <meta content="text/html; charset=koi8-r">                                       ¦ none
            <!-- <meta charset="koi8-r"> --><meta charset=iso-8859-2>                         ¦ ISO-8859-2
            <div title='<meta charset=koi8-r>'><meta charset=iso-8859-2>                      ¦ ISO-8859-2
            <script>x = '<meta charset=koi8-r>'</script>                                     ¦ KOI8-R
            <meta charset=no-such-charset><meta charset=koi8-r>                              ¦ KOI8-R
            <meta charset="utf-16">                                                          ¦ UTF-8
            <meta charset="x-user-defined">                                                  ¦ windows-1252
            <metaa charset=koi8-r>                                                           ¦ none
            <meta name=x>                                                                    ¦ none
            <meta charset="koi8-r                                                            ¦ none
            <?xml version="1.0" encoding="ISO-8859-1"?><html>                                ¦ ISO-8859-1
            """)
    void findsTheDeclaredCharset(String head, String expected) {
        byte[] bytes = head.getBytes(ISO_8859_1);

        Charset found = MetaCharsetPrescan.find(bytes, bytes.length);

        assertThat(found == null ? "none" : found.name()).isEqualTo(expected);
    }

    @Test
    void decodesWithTheMetaCharsetWhenTheHeaderHasNone() throws IOException {
        String page = "<html><head><title>Привет</title><meta charset=\"windows-1251\"></head><p>мир</p>";

        assertThat(extract(null, page.getBytes(WINDOWS_1251))).isEqualTo("Привет\nмир");
    }

    @Test
    void looksForTheMetaCharsetInTheFirstFiveKilobytes() throws IOException {
        String early = "<!--" + "x".repeat(4000) + "--><meta charset=\"windows-1251\"><p>мир</p>";
        String late = "<!--" + "x".repeat(6000) + "--><meta charset=\"windows-1251\"><p>мир</p>";

        assertThat(extract(null, early.getBytes(WINDOWS_1251))).isEqualTo("мир");
        assertThat(extract(null, late.getBytes(WINDOWS_1251))).isEqualTo("\uFFFD\uFFFD\uFFFD");
    }

    @Test
    void prefersTheHeaderToTheMetaCharset() throws IOException {
        byte[] page = "<meta charset=\"windows-1251\"><p>Grüße</p>".getBytes(ISO_8859_1);

        assertThat(extract(ISO_8859_1, page)).isEqualTo("Grüße");
    }

    @Test
    void prefersAByteOrderMarkToTheHeader() throws IOException {
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        utf8.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        utf8.write("<p>café</p>".getBytes(UTF_8));
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.write(new byte[] {(byte) 0xff, (byte) 0xfe});
        utf16.write("<p>naïve</p>".getBytes(UTF_16LE));

        assertThat(extract(ISO_8859_1, utf8.toByteArray())).isEqualTo("café");
        assertThat(extract(ISO_8859_1, utf16.toByteArray())).isEqualTo("naïve");
    }

    @Test
    void replacesMalformedBytesAndDecodesUtf8ByDefault() throws IOException {
        byte[] page = {'<', 'p', '>', 'o', 'k', ' ', (byte) 0xff, ' ', (byte) 0xc3, (byte) 0xa9, '<', '/', 'p', '>'};

        assertThat(extract(null, page)).isEqualTo("ok \uFFFD é");
    }

    private static String extract(Charset declared, byte[] body) throws IOException {
        FetchedDocument document =
                FetchedDocument.of("http://example.test/", "text/html", declared, new ByteArrayInputStream(body));
        return readAll(new TextExtractor().extract(document));
    }
}
