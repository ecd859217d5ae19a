package dev.tally.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * A fetched response whose body is still streaming from the server. Close it (or the Reader that
 * {@link TextExtractor} made from it) to release the connection.
 */
public final class FetchedDocument implements Closeable {

    private final String url;
    private final String mediaType;
    private final Charset charset;
    private final InputStream body;

    private FetchedDocument(String url, String mediaType, Charset charset, InputStream body) {
        this.url = Objects.requireNonNull(url, "url");
        this.mediaType = ContentType.normalizeMediaType(Objects.requireNonNull(mediaType, "mediaType"));
        this.charset = charset;
        this.body = Objects.requireNonNull(body, "body");
    }

    /**
     * @param mediaType e.g. "text/html"; parameters are dropped and the type lower-cased
     * @param charset   the declared charset, or null when the server did not declare a usable one
     */
    public static FetchedDocument of(String url, String mediaType, Charset charset, InputStream body) {
        return new FetchedDocument(url, mediaType, charset, body);
    }

    /** The URL the body came from, after redirects. */
    public String url() {
        return url;
    }

    /** Lower-case media type without parameters, e.g. "text/html". */
    public String mediaType() {
        return mediaType;
    }

    /** The charset from the Content-Type header, or null when unknown. */
    public Charset charset() {
        return charset;
    }

    /** Decoded body bytes read so far (the document's size once read to the end), or -1 when not counted. */
    public long bytesRead() {
        return body instanceof LimitedBodyStream limited ? limited.bytesRead() : -1;
    }

    public boolean isHtml() {
        return ContentType.isHtml(mediaType);
    }

    /**
     * The open body stream, read once. For fetched documents, reading throws
     * {@link DocumentTooLargeException} past the size cap and {@link TransientFetchException} on
     * network failures.
     */
    public InputStream body() {
        return body;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // nothing left to release that a caller could act on
        }
    }

    @Override
    public String toString() {
        return "FetchedDocument[" + url + ", " + mediaType + (charset == null ? "" : ", " + charset) + "]";
    }
}
