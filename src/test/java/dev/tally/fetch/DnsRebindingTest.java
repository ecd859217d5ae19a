package dev.tally.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A DNS server that answers a public address first and loopback second: the connection must go to the
 * address that was checked, never to the one a second lookup would give.
 */
class DnsRebindingTest extends WithLocalServer {

    // TEST-NET-1 (RFC 5737): public to the policy, and no host answers there
    private static final String PUBLIC_NOWHERE = "192.0.2.1";

    private String url;

    @BeforeEach
    void serveASecret() {
        server.respond("/secret", 200, "text/plain", "internal".getBytes(UTF_8));
        url = "http://rebind.test:" + server.port() + "/secret";
    }

    @AfterEach
    void nothingReachedTheLoopbackServer() {
        assertThat(server.requestHeaders("/secret")).isNull();
    }

    @Test
    void theConnectionGoesToTheCheckedPublicAddressNotToLoopback() {
        ScriptedHostResolver dns = new ScriptedHostResolver(PUBLIC_NOWHERE, "127.0.0.1");
        try (DocumentFetcher fetcher = fetcher(AddressPolicy.PUBLIC_ONLY, dns)) {
            assertThatThrownBy(() -> fetcher.fetch(url))
                    .isInstanceOf(TransientFetchException.class)
                    .hasMessageNotContaining("127.0.0.1");
        }
        assertThat(dns.lookups()).isEqualTo(1);
    }

    @Test
    void theNextConnectionLooksUpAgainAndIsRefusedLoopback() {
        ScriptedHostResolver dns = new ScriptedHostResolver(PUBLIC_NOWHERE, "127.0.0.1");
        try (DocumentFetcher fetcher = fetcher(AddressPolicy.PUBLIC_ONLY, dns)) {
            assertThatThrownBy(() -> fetcher.fetch(url)).isInstanceOf(TransientFetchException.class);

            assertThatThrownBy(() -> fetcher.fetch(url))
                    .isExactlyInstanceOf(PermanentFetchException.class)
                    .hasMessage("blocked address 127.0.0.1 for " + url);
        }
        assertThat(dns.lookups()).isEqualTo(2);
    }

    @Test
    void theDocumentComesFromTheCheckedAddress() throws IOException {
        // Stand-in for a public host: this policy lets 127.0.0.1 through and blocks everything else, so the
        // checked answer is the local server and a second lookup would give 127.0.0.2, where nothing listens.
        AddressPolicy onlyThisServer =
                new AddressPolicy(address -> !address.getHostAddress().equals("127.0.0.1"));
        ScriptedHostResolver dns = new ScriptedHostResolver("127.0.0.1", "127.0.0.2");
        server.respond("/page", 200, "text/plain", "public words".getBytes(UTF_8));
        try (DocumentFetcher fetcher = fetcher(onlyThisServer, dns);
                FetchedDocument document = fetcher.fetch("http://rebind.test:" + server.port() + "/page")) {
            assertThat(document.body().readAllBytes()).asString(UTF_8).isEqualTo("public words");
        }
        assertThat(dns.lookups()).isEqualTo(1);
    }

    private DocumentFetcher fetcher(AddressPolicy policy, HostResolver dns) {
        FetchSettings publicOnly = new FetchSettings(
                Duration.ofMillis(500),
                Duration.ofSeconds(5),
                1_000_000,
                5,
                false,
                "Tally/1.0 (+word-count)",
                Set.of(server.port()));
        return new DocumentFetcher(publicOnly, policy, dns, 2);
    }
}
