package dev.tally.fetch;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns a fetched document into the text a reader would see. Thread-safe.
 *
 * <p>Plain text is decoded as it streams in. HTML has to be parsed as a whole, so its body is
 * read completely (bounded by the fetch size cap) and the Reader is over the extracted text.
 * Exceptions from reading the body (size cap, network) reach the caller unchanged, after the
 * document has been closed.
 */
public final class TextExtractor {

    /** Closing the returned Reader closes the document. */
    public Reader extract(FetchedDocument document) {
        try {
            return document.isHtml() ? new StringReader(htmlText(document)) : plainText(document);
        } catch (RuntimeException e) {
            document.close();
            throw e;
        }
    }

    /** The visible text of an HTML string; mainly for tests and tooling. */
    public String extractText(String html) {
        return VisibleText.of(Jsoup.parse(html));
    }

    private static String htmlText(FetchedDocument document) {
        // Without a charset from the header, jsoup sniffs a BOM or <meta charset>, else UTF-8.
        String charsetName =
                document.charset() == null ? null : document.charset().name();
        Document parsed;
        try (document) {
            parsed = Jsoup.parse(document.body(), charsetName, document.url());
        } catch (IOException | UncheckedIOException e) {
            throw new TransientFetchException("could not read " + document.url() + ": " + e.getMessage(), e);
        }
        return VisibleText.of(parsed);
    }

    // InputStreamReader replaces malformed input rather than throwing, which suits word counting.
    private static Reader plainText(FetchedDocument document) {
        BufferedInputStream body = new BufferedInputStream(document.body());
        Charset charset = document.charset();
        Charset fromBom = skipByteOrderMark(body);
        if (fromBom != null) {
            charset = fromBom; // a byte order mark outranks the header, as in browsers
        }
        return new BufferedReader(new InputStreamReader(body, charset == null ? StandardCharsets.UTF_8 : charset));
    }

    private static Charset skipByteOrderMark(BufferedInputStream body) {
        try {
            body.mark(3);
            byte[] head = body.readNBytes(3);
            body.reset();
            int b0 = head.length > 0 ? head[0] & 0xff : -1;
            int b1 = head.length > 1 ? head[1] & 0xff : -1;
            int b2 = head.length > 2 ? head[2] & 0xff : -1;
            if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
                body.skipNBytes(3);
                return StandardCharsets.UTF_8;
            }
            if (b0 == 0xfe && b1 == 0xff || b0 == 0xff && b1 == 0xfe) {
                return StandardCharsets.UTF_16; // this decoder consumes the mark itself
            }
            return null;
        } catch (IOException e) {
            // BufferedInputStream only rethrows what the body threw, and the body throws no IOException
            throw new UncheckedIOException(e);
        }
    }
}
