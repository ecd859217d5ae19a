package dev.tally.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's DNS: one lookup per new connection, checked by the address policy, and the connection
 * then goes to exactly the addresses that were checked. A DNS server that answers differently the next
 * time (DNS rebinding) only changes what the next connection's check sees.
 */
final class PolicyDnsResolver implements DnsResolver {

    private final HostResolver hostResolver;
    private final AddressPolicy policy;

    PolicyDnsResolver(HostResolver hostResolver, AddressPolicy policy) {
        this.hostResolver = Objects.requireNonNull(hostResolver, "hostResolver");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** @throws BlockedAddressException when any of the host's addresses is blocked */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = hostResolver.lookup(host);
        // The client would connect to nothing and report success for an empty answer.
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        addresses = addresses.clone();
        policy.requireAllowed(addresses);
        return addresses;
    }

    // Only Kerberos and SPNEGO authentication ask for this, and the fetch client authenticates nowhere.
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
