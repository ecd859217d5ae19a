package dev.tally.fetch;

import dev.tally.job.FailureReason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The visible text of an HTML document, read as the body streams in: a chunk of the body is decoded and
 * scanned (HtmlScanner) each time the text read so far runs out, so memory stays at a few buffers whatever
 * the document's size. Nothing is read before the first call to read.
 *
 * <p>A failure reading the body (the size cap, the network) reaches the reader's caller unchanged, an
 * IOException as a {@link TransientFetchException}, after the document was closed; reading again throws it
 * again. Closing the reader closes the document.
 */
final class HtmlTextReader extends Reader {

    private static final int CHUNK_CHARS = 16 * 1024;
    // jsoup looked for a <meta charset> in the first 5 KB; HTML5's prescan looks at 1 KB
    private static final int PRESCAN_BYTES = 5 * 1024;

    private final FetchedDocument document;
    private final char[] input = new char[CHUNK_CHARS + HtmlScanner.LOOKAHEAD];
    private final VisibleTextBuffer text = new VisibleTextBuffer(input.length);
    private final HtmlScanner scanner = new HtmlScanner(text);
    private Reader source;
    private int inputStart;
    private int inputEnd;
    private int textStart;
    private boolean sourceEnded;
    private boolean scannedAll;
    private boolean closed;
    private RuntimeException failure;

    private HtmlTextReader(FetchedDocument document, Reader source) {
        this.document = document;
        this.source = source;
    }

    static HtmlTextReader of(FetchedDocument document) {
        return new HtmlTextReader(document, null);
    }

    static HtmlTextReader of(String html) {
        return of(new StringReader(html));
    }

    /** Over HTML already decoded; closing the reader closes it. */
    static HtmlTextReader of(Reader html) {
        return new HtmlTextReader(null, html);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IOException("reader closed");
        }
        try {
            while (textStart == text.length) {
                if (scannedAll) {
                    return -1;
                }
                scanNextChunk();
            }
        } catch (IOException e) {
            throw failed(new TransientFetchException(
                    FailureReason.NETWORK, "could not read " + url() + ": " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw failed(e);
        }
        int count = Math.min(length, text.length - textStart);
        System.arraycopy(text.chars, textStart, buffer, offset, count);
        textStart += count;
        return count;
    }

    private void scanNextChunk() throws IOException {
        if (source == null) {
            source = decoded(document);
        }
        if (!sourceEnded) {
            // what the scanner left (under LOOKAHEAD chars) moves to the front, and the chunk follows it
            System.arraycopy(input, inputStart, input, 0, inputEnd - inputStart);
            inputEnd -= inputStart;
            inputStart = 0;
            int read = source.read(input, inputEnd, input.length - inputEnd);
            if (read < 0) {
                sourceEnded = true;
            } else {
                inputEnd += read;
            }
        }
        text.clear();
        textStart = 0;
        inputStart = scanner.scan(input, inputStart, inputEnd, sourceEnded);
        scannedAll = sourceEnded;
    }

    // Without a charset from the header: the byte order mark, else a <meta charset>, else UTF-8.
    private static Reader decoded(FetchedDocument document) throws IOException {
        BufferedInputStream body = new BufferedInputStream(document.body());
        Charset charset = ByteOrderMark.skip(body);
        if (charset == null) {
            charset = document.charset();
        }
        if (charset == null) {
            body.mark(PRESCAN_BYTES);
            byte[] head = body.readNBytes(PRESCAN_BYTES);
            body.reset();
            Charset declared = MetaCharsetPrescan.find(head, head.length);
            charset = declared == null ? StandardCharsets.UTF_8 : declared;
        }
        return Utf8Reader.of(body, charset); // replaces malformed input rather than throwing
    }

    private RuntimeException failed(RuntimeException e) {
        failure = e;
        try {
            close();
        } catch (IOException | RuntimeException alsoFailed) {
            e.addSuppressed(alsoFailed);
        }
        return e;
    }

    private String url() {
        return document == null ? "the document" : document.url();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            if (source != null) {
                source.close();
            }
        } finally {
            if (document != null) {
                document.close();
            }
        }
    }
}
