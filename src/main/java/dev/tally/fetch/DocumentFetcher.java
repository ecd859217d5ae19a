package dev.tally.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Fetches an http(s) URL and returns its body as an open, size-capped stream. Thread-safe.
 *
 * <p>Uses HttpURLConnection because its read timeout applies to every read of a streamed body;
 * java.net.http.HttpClient has no such per-read timeout. Redirects are followed here rather than
 * by the connection so that every hop passes the address and scheme checks.
 */
public final class DocumentFetcher {

    private static final String ACCEPT = "text/html, text/plain;q=0.9, text/*;q=0.8";

    private final FetchSettings settings;
    private final AddressPolicy addressPolicy;

    public DocumentFetcher(FetchSettings settings) {
        this(settings, AddressPolicy.PUBLIC_ONLY);
    }

    /** @param addressPolicy applied only when the settings disallow private networks */
    DocumentFetcher(FetchSettings settings, AddressPolicy addressPolicy) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.addressPolicy = Objects.requireNonNull(addressPolicy, "addressPolicy");
    }

    /**
     * @throws PermanentFetchException when retrying cannot help (4xx, unknown host, wrong type, ...)
     * @throws TransientFetchException when a retry may succeed (timeouts, refused connection, 5xx, ...)
     */
    public FetchedDocument fetch(String url) {
        URI target = parseUrl(url);
        for (int redirects = 0; ; redirects++) {
            HttpURLConnection connection = connect(target);
            boolean handedOver = false;
            try {
                int status = responseStatus(connection, target);
                if (isFollowedRedirect(status)) {
                    if (redirects >= settings.maxRedirects()) {
                        throw new PermanentFetchException(
                                "too many redirects fetching " + url + " (more than " + settings.maxRedirects() + ")");
                    }
                    target = RedirectTargets.resolve(target, connection.getHeaderField("Location"));
                    continue;
                }
                checkStatus(status, target);
                FetchedDocument document = openDocument(connection, target);
                handedOver = true;
                return document;
            } finally {
                if (!handedOver) {
                    connection.disconnect();
                }
            }
        }
    }

    private static URI parseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new PermanentFetchException("invalid url: no address given");
        }
        try {
            return RedirectTargets.requireWebUrl(new URI(url.strip()), "invalid url " + url.strip());
        } catch (URISyntaxException e) {
            throw new PermanentFetchException("invalid url " + url.strip(), e);
        }
    }

    private HttpURLConnection connect(URI target) {
        String url = target.toString();
        int port = target.getPort() != -1 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        if (!settings.portAllowed(port)) {
            throw new PermanentFetchException("blocked port " + port + " for " + url);
        }
        if (!settings.allowPrivateNetworks()) {
            addressPolicy.check(target.getHost(), url);
        }
        try {
            // toASCIIString percent-encodes non-ASCII path and query characters as UTF-8, as browsers do.
            URL ascii = URI.create(target.toASCIIString()).toURL();
            HttpURLConnection connection = (HttpURLConnection) ascii.openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout(millis(settings.connectTimeout().toMillis()));
            connection.setReadTimeout(millis(settings.readTimeout().toMillis()));
            connection.setRequestProperty("Accept", ACCEPT);
            connection.setRequestProperty("Accept-Encoding", "gzip");
            connection.setRequestProperty("User-Agent", settings.userAgent());
            connection.connect();
            return connection;
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new PermanentFetchException("invalid url " + url, e);
        } catch (IOException e) {
            throw FetchErrors.whileConnecting(e, target.getHost(), url);
        }
    }

    private static int responseStatus(HttpURLConnection connection, URI target) {
        try {
            return connection.getResponseCode();
        } catch (IOException e) {
            throw FetchErrors.whileReading(e, target.getHost(), target.toString());
        }
    }

    private static boolean isFollowedRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static void checkStatus(int status, URI target) {
        if (status >= 200 && status < 300) {
            return;
        }
        String message = "HTTP " + status + " fetching " + target;
        if (status == 408 || status == 425 || status == 429 || status >= 500 && status < 600) {
            throw new TransientFetchException(message);
        }
        if (status < 0) {
            throw new PermanentFetchException("invalid HTTP response fetching " + target);
        }
        throw new PermanentFetchException(message);
    }

    // The type and size are checked from the headers, before any of the body is read.
    private FetchedDocument openDocument(HttpURLConnection connection, URI target) {
        String url = target.toString();
        ContentType type = ContentType.parse(connection.getContentType());
        if (!type.isSupported()) {
            throw new PermanentFetchException("unsupported content type " + type.mediaType() + " at " + url);
        }
        if (connection.getContentLengthLong() > settings.maxBytes()) {
            throw new DocumentTooLargeException(settings.maxBytes(), url);
        }
        InputStream decoded;
        try {
            decoded = decode(connection.getInputStream(), connection.getContentEncoding(), url);
        } catch (IOException e) {
            throw FetchErrors.whileReading(e, target.getHost(), url);
        }
        InputStream body =
                new LimitedBodyStream(decoded, settings.maxBytes(), target.getHost(), url, connection::disconnect);
        return FetchedDocument.of(url, type.mediaType(), type.charset(), body);
    }

    private static InputStream decode(InputStream raw, String contentEncoding, String url) throws IOException {
        String encoding =
                contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "", "identity":
                return raw;
            case "gzip", "x-gzip":
                return new GZIPInputStream(raw, 8192);
            default:
                throw new PermanentFetchException("unsupported content encoding " + encoding + " at " + url);
        }
    }

    private static int millis(long millis) {
        return (int) Math.min(millis, Integer.MAX_VALUE);
    }
}
