package dev.tally.fetch;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Turns a fetched document into the text a reader would see, decoded and extracted as the body streams in
 * (HTML by {@link HtmlTextReader}), so memory does not grow with the document. Thread-safe.
 *
 * <p>Exceptions from reading the body (size cap, network) reach the caller of the Reader unchanged, after the
 * document has been closed.
 */
public final class TextExtractor {

    /** Closing the returned Reader closes the document. */
    public Reader extract(FetchedDocument document) {
        try {
            return document.isHtml() ? HtmlTextReader.of(document) : plainText(document);
        } catch (RuntimeException e) {
            document.close();
            throw e;
        }
    }

    /** The visible text of an HTML string; mainly for tests and tooling. */
    public String extractText(String html) {
        StringWriter text = new StringWriter();
        try (Reader visible = HtmlTextReader.of(html)) {
            visible.transferTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader throws none
        }
        return text.toString();
    }

    // The reader replaces malformed input rather than throwing, which suits word counting.
    private static Reader plainText(FetchedDocument document) {
        BufferedInputStream body = new BufferedInputStream(document.body());
        Charset charset = document.charset();
        try {
            Charset fromBom = ByteOrderMark.skip(body);
            if (fromBom != null) {
                charset = fromBom;
            }
        } catch (IOException e) {
            // BufferedInputStream only rethrows what the body threw, and the body throws no IOException
            throw new UncheckedIOException(e);
        }
        return new BufferedReader(Utf8Reader.of(body, charset == null ? StandardCharsets.UTF_8 : charset));
    }
}
