package dev.tally.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypeTest {

    @Test
    void readsMediaTypeAndCharset() {
        assertThat(ContentType.parse("Text/HTML; Charset=\"UTF-8\"")).isEqualTo(new ContentType("text/html", UTF_8));
        assertThat(ContentType.parse("text/plain;format=flowed; charset=latin1"))
                .isEqualTo(new ContentType("text/plain", ISO_8859_1));
    }

    @Test
    void treatsAMissingTypeAsPlainTextWithUnknownCharset() {
        assertThat(ContentType.parse(null)).isEqualTo(new ContentType("text/plain", null));
        assertThat(ContentType.parse(" ")).isEqualTo(new ContentType("text/plain", null));
        assertThat(ContentType.parse("; charset=utf-8")).isEqualTo(new ContentType("text/plain", UTF_8));
    }

    @Test
    void leavesAnUnsupportedOrMalformedCharsetUnknown() {
        assertThat(ContentType.parse("text/plain; charset=klingon").charset()).isNull();
        assertThat(ContentType.parse("text/plain; charset=\"\"").charset()).isNull();
        assertThat(ContentType.parse("text/plain; charset=a b").charset()).isNull();
    }

    @Test
    void acceptsHtmlXhtmlAndAnyTextType() {
        assertThat(ContentType.parse("application/xhtml+xml").isSupported()).isTrue();
        assertThat(ContentType.isHtml("application/xhtml+xml")).isTrue();
        assertThat(ContentType.parse("text/csv").isSupported()).isTrue();
        assertThat(ContentType.isHtml("text/plain")).isFalse();
        assertThat(ContentType.parse("image/png").isSupported()).isFalse();
        assertThat(ContentType.parse("application/json").isSupported()).isFalse();
    }
}
