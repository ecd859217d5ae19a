package dev.tally.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.8.9.10",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "100.100.100.200",
                "224.0.0.1",
                "255.255.255.255",
                "0.0.0.0",
                "0.1.2.3",
                "::1",
                "::",
                "fe80::1",
                "fd00::1",
                "fc00::1",
                "ff02::1",
                "::ffff:10.0.0.1",
                "::127.0.0.1"
            })
    void blocksNonPublicAddresses(String literal) throws UnknownHostException {
        assertThat(AddressPolicy.isNonPublic(InetAddress.getByName(literal)))
                .as(literal)
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1", "2001:db8::1"})
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertThat(AddressPolicy.isNonPublic(InetAddress.getByName(literal)))
                .as(literal)
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "[::1]", "localhost", "169.254.169.254"})
    void checkNamesTheBlockedAddress(String host) {
        assertThatThrownBy(() -> AddressPolicy.PUBLIC_ONLY.check(host, "http://" + host + "/x"))
                .isInstanceOf(PermanentFetchException.class)
                .hasMessageStartingWith("blocked address ")
                .hasMessageEndingWith(" for http://" + host + "/x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "[2606:4700::1]"})
    void checkLetsPublicAddressesThrough(String host) {
        AddressPolicy.PUBLIC_ONLY.check(host, "http://" + host + "/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nosuch.invalid"})
    void checkReportsUnknownHosts(String host) {
        assertThatThrownBy(() -> AddressPolicy.PUBLIC_ONLY.check(host, "http://" + host + "/"))
                .isInstanceOf(PermanentFetchException.class)
                .hasMessage("unknown host nosuch.invalid");
    }
}
