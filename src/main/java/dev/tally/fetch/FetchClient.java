package dev.tally.fetch;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/** Builds the HTTP client {@link DocumentFetcher} sends its requests with. */
final class FetchClient {

    // A pooled connection idle this long is checked before reuse: the server may have closed it meanwhile.
    private static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofSeconds(1);

    private FetchClient() {}

    /**
     * Redirects, retries, cookies and authentication are off: the fetcher follows redirects itself with the
     * port and scheme checks on every hop, and a failed fetch is the job's to retry. The DNS resolver decides
     * which addresses every connection may use; no proxy either (not even the JVM's proxy settings), since a
     * proxy would resolve the host itself, out of the resolver's reach. Decompression stays on (gzip, deflate);
     * the fetcher counts the size cap on the decoded bytes.
     *
     * @param maxConnections connections open at once, to any and to a single host
     */
    static CloseableHttpClient create(FetchSettings settings, DnsResolver dnsResolver, int maxConnections) {
        Timeout connectTimeout = Timeout.of(settings.connectTimeout());
        Timeout readTimeout = Timeout.of(settings.readTimeout());
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(connectTimeout)
                .setSocketTimeout(readTimeout)
                .setValidateAfterInactivity(VALIDATE_AFTER_IDLE)
                .build();
        var connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(dnsResolver)
                // the JVM's trust store and TLS settings (javax.net.ssl.*, https.protocols), as before
                .setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault())
                .setDefaultConnectionConfig(connections)
                .setDefaultTlsConfig(
                        TlsConfig.custom().setHandshakeTimeout(connectTimeout).build())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
        RequestConfig requests = RequestConfig.custom()
                .setConnectionRequestTimeout(connectTimeout)
                // the longest silence while waiting for the response head; the socket timeout covers the body
                .setResponseTimeout(readTimeout)
                .setRedirectsEnabled(false)
                .setAuthenticationEnabled(false)
                .setProtocolUpgradeEnabled(false)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connectionManager)
                .setDefaultRequestConfig(requests)
                .setUserAgent(settings.userAgent())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }
}
