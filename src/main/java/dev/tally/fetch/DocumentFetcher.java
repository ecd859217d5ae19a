package dev.tally.fetch;

import dev.tally.job.FailureReason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import org.apache.camel.ExchangeProperty;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;

/**
 * Fetches an http(s) URL and returns its body as an open, size-capped stream. Thread-safe; close it to close
 * its connections.
 *
 * <p>Redirects are followed here rather than by the HTTP client so that every hop passes the port and scheme
 * checks; the address check is in the client's DNS resolver ({@link PolicyDnsResolver}), on every connection.
 */
public final class DocumentFetcher implements AutoCloseable {

    private static final String ACCEPT = "text/html, text/plain;q=0.9, text/*;q=0.8";
    // for fetchers made outside Spring (tests, tools); the bean's pool follows the worker concurrency
    private static final int DEFAULT_MAX_CONNECTIONS = 16;

    private final FetchSettings settings;
    private final CloseableHttpClient client;

    public DocumentFetcher(FetchSettings settings) {
        this(settings, AddressPolicy.PUBLIC_ONLY);
    }

    /** @param addressPolicy applied only when the settings disallow private networks */
    DocumentFetcher(FetchSettings settings, AddressPolicy addressPolicy) {
        this(settings, addressPolicy, HostResolver.SYSTEM, DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * @param addressPolicy  applied only when the settings disallow private networks
     * @param hostResolver   the DNS lookup behind every new connection
     * @param maxConnections connections open at once, one per document being read
     */
    DocumentFetcher(
            FetchSettings settings, AddressPolicy addressPolicy, HostResolver hostResolver, int maxConnections) {
        this.settings = Objects.requireNonNull(settings, "settings");
        AddressPolicy applied = settings.allowPrivateNetworks() ? AddressPolicy.ANY_ADDRESS : addressPolicy;
        this.client = FetchClient.create(settings, new PolicyDnsResolver(hostResolver, applied), maxConnections);
    }

    /**
     * @param url the document's URL; in the worker route, its exchange property jobUrl (bound by annotation, not
     *     written out as an argument, which Camel would parse and evaluate on every job)
     * @throws PermanentFetchException when retrying cannot help (4xx, unknown host, wrong type, ...)
     * @throws TransientFetchException when a retry may succeed (timeouts, refused connection, 5xx, ...)
     */
    public FetchedDocument fetch(@ExchangeProperty("jobUrl") String url) {
        URI target = parseUrl(url);
        for (int redirects = 0; ; redirects++) {
            HttpGet request = newRequest(target);
            ClassicHttpResponse response = send(request, target);
            boolean handedOver = false;
            try {
                int status = response.getCode();
                if (isFollowedRedirect(status)) {
                    if (redirects >= settings.maxRedirects()) {
                        throw new PermanentFetchException(
                                FailureReason.REDIRECT,
                                "too many redirects fetching " + url + " (more than " + settings.maxRedirects() + ")");
                    }
                    target = RedirectTargets.resolve(target, headerValue(response, "Location"));
                    continue;
                }
                checkStatus(status, target);
                FetchedDocument document = openDocument(request, response, target);
                handedOver = true;
                return document;
            } finally {
                if (!handedOver) {
                    abort(request);
                }
            }
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    private static URI parseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new PermanentFetchException(FailureReason.INVALID_URL, "invalid url: no address given");
        }
        try {
            return RedirectTargets.requireWebUrl(
                    new URI(url.strip()), FailureReason.INVALID_URL, "invalid url " + url.strip());
        } catch (URISyntaxException e) {
            throw new PermanentFetchException(FailureReason.INVALID_URL, "invalid url " + url.strip(), e);
        }
    }

    private HttpGet newRequest(URI target) {
        String url = target.toString();
        int port = target.getPort() != -1 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        if (!settings.portAllowed(port)) {
            throw new PermanentFetchException(FailureReason.BLOCKED, "blocked port " + port + " for " + url);
        }
        HttpGet request;
        try {
            request = new HttpGet(RequestUri.of(target));
        } catch (IllegalArgumentException e) {
            throw new PermanentFetchException(FailureReason.INVALID_URL, "invalid url " + url, e);
        }
        request.setHeader("Accept", ACCEPT);
        // the client decodes what it is sent; asking for gzip only keeps the request as it always was
        request.setHeader("Accept-Encoding", "gzip");
        request.setHeader("User-Agent", settings.userAgent());
        return request;
    }

    private ClassicHttpResponse send(HttpGet request, URI target) {
        try {
            return client.executeOpen(null, request, null);
        } catch (IOException e) {
            throw FetchErrors.whileRequesting(e, target.getHost(), target.toString());
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
            throw new TransientFetchException(FailureReason.ofHttpStatus(status), message);
        }
        throw new PermanentFetchException(FailureReason.ofHttpStatus(status), message);
    }

    // The type, encoding and size are checked from the headers, before any of the body is read.
    private FetchedDocument openDocument(HttpGet request, ClassicHttpResponse response, URI target) {
        String url = target.toString();
        ContentType type = ContentType.parse(headerValue(response, "Content-Type"));
        if (!type.isSupported()) {
            throw new PermanentFetchException(
                    FailureReason.UNSUPPORTED_TYPE, "unsupported content type " + type.mediaType() + " at " + url);
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return FetchedDocument.of(url, type.mediaType(), type.charset(), InputStream.nullInputStream());
        }
        requireDecoded(response, entity, url);
        if (entity.getContentLength() > settings.maxBytes()) {
            throw new DocumentTooLargeException(settings.maxBytes(), url);
        }
        InputStream decoded;
        try {
            decoded = entity.getContent();
        } catch (IOException e) {
            throw FetchErrors.whileReading(e, target.getHost(), url);
        }
        InputStream body =
                new LimitedBodyStream(decoded, settings.maxBytes(), target.getHost(), url, () -> abort(request));
        return FetchedDocument.of(url, type.mediaType(), type.charset(), body);
    }

    // The client decoded gzip and deflate and removed their Content-Encoding; one that is left it cannot decode.
    private static void requireDecoded(ClassicHttpResponse response, HttpEntity entity, String url) {
        String encoding = headerValue(response, "Content-Encoding");
        String name = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !name.equals("identity") && entity.getContentLength() != 0) {
            throw new PermanentFetchException(
                    FailureReason.UNSUPPORTED_TYPE, "unsupported content encoding " + name + " at " + url);
        }
    }

    private static String headerValue(ClassicHttpResponse response, String name) {
        Header header = response.getLastHeader(name);
        return header == null ? null : header.getValue();
    }

    /**
     * Closes the connection unless the client already returned it to the pool (a body read to its end): an
     * unread rest is not drained, since it could be a huge or endless document.
     */
    private static void abort(HttpGet request) {
        request.cancel();
    }
}
