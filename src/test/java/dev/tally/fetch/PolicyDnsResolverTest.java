package dev.tally.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class PolicyDnsResolverTest {

    @Test
    void returnsExactlyTheAddressesItChecked() throws UnknownHostException {
        InetAddress[] answer = {address("93.184.216.34"), address("2606:4700::1")};
        PolicyDnsResolver resolver = new PolicyDnsResolver(host -> answer, AddressPolicy.PUBLIC_ONLY);

        assertThat(resolver.resolve("example.test")).containsExactly(answer);
    }

    @Test
    void refusesTheHostWhenAnyAddressIsBlocked() throws UnknownHostException {
        InetAddress[] answer = {address("93.184.216.34"), address("10.0.0.7")};
        PolicyDnsResolver resolver = new PolicyDnsResolver(host -> answer, AddressPolicy.PUBLIC_ONLY);

        assertThatThrownBy(() -> resolver.resolve("example.test"))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessage("blocked address 10.0.0.7");
    }

    @Test
    void looksUpAgainOnEveryCall() throws UnknownHostException {
        ScriptedHostResolver dns = new ScriptedHostResolver("93.184.216.34", "127.0.0.1");
        PolicyDnsResolver resolver = new PolicyDnsResolver(dns, AddressPolicy.PUBLIC_ONLY);

        assertThat(resolver.resolve("rebind.test")).containsExactly(address("93.184.216.34"));
        assertThatThrownBy(() -> resolver.resolve("rebind.test")).isInstanceOf(BlockedAddressException.class);
        assertThat(dns.lookups()).isEqualTo(2);
    }

    @Test
    void letsEveryAddressThroughWhenPrivateNetworksAreAllowed() throws UnknownHostException {
        PolicyDnsResolver resolver =
                new PolicyDnsResolver(host -> new InetAddress[] {address("127.0.0.1")}, AddressPolicy.ANY_ADDRESS);

        assertThat(resolver.resolve("localhost")).containsExactly(address("127.0.0.1"));
    }

    @Test
    void treatsAnEmptyAnswerAsAnUnknownHost() {
        PolicyDnsResolver resolver = new PolicyDnsResolver(host -> new InetAddress[0], AddressPolicy.PUBLIC_ONLY);

        assertThatThrownBy(() -> resolver.resolve("empty.test"))
                .isExactlyInstanceOf(UnknownHostException.class)
                .hasMessage("empty.test");
    }

    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
