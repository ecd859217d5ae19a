package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client address the API's Vert.x server rate-limits by, as Tomcat's RemoteIpValve would give it. */
class ForwardedClientTest {

    private final ForwardedClient behindProxy = new ForwardedClient(true);

    @Test
    void withoutForwardingThePeerIsTheClientWhateverItClaims() {
        assertThat(new ForwardedClient(false).address("127.0.0.1", "6.6.6.6")).isEqualTo("127.0.0.1");
    }

    @Test
    void aPeerOnThePublicInternetCannotChooseItsAddress() {
        assertThat(behindProxy.address("203.0.113.7", "6.6.6.6")).isEqualTo("203.0.113.7");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "127.0.0.1 | 198.51.100.4 | 198.51.100.4",
                "10.1.2.3 | 6.6.6.6, 198.51.100.4 | 198.51.100.4",
                "127.0.0.1 | 198.51.100.4, 10.0.0.5, 192.168.1.9 | 198.51.100.4",
                "::1 | 2001:db8::1 | 2001:db8::1",
                "172.16.0.2 | 10.0.0.1 | 10.0.0.1",
            })
    void behindAnInternalProxyTheClientIsTheRightmostAddressThatIsNotInternal(
            String peer, String forwardedFor, String client) {
        assertThat(behindProxy.address(peer, forwardedFor)).isEqualTo(client);
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, true",
        "10.255.0.1, true",
        "172.31.9.9, true",
        "172.32.0.1, false",
        "192.168.0.1, true",
        "169.254.1.1, true",
        "100.64.0.1, true",
        "100.128.0.1, false",
        "::1, true",
        "fd00::1, true",
        "fe80::1, true",
        "2001:db8::1, false",
        "8.8.8.8, false",
        // not IP literals: refused without a DNS lookup
        "localhost, false",
        "internal.example, false",
        "1.2.3.4.5, false",
    })
    void internalAddressesAreTomcatsDefaultInternalProxies(String address, boolean internal) {
        assertThat(ForwardedClient.isInternal(address)).isEqualTo(internal);
    }
}
