package dev.tally.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Predicate;

/**
 * Refuses hosts that resolve to non-public addresses, so that user-submitted URLs cannot reach
 * the service's own machine, its private network or a cloud metadata endpoint.
 *
 * <p>The fetch client applies it in its DNS resolver ({@link PolicyDnsResolver}): every connection, on every
 * redirect hop, goes to addresses from the same lookup this policy checked, so a DNS server that answers a
 * public address first and a private one later (DNS rebinding) gets no connection to the private one.
 */
final class AddressPolicy {

    static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(AddressPolicy::isNonPublic);
    static final AddressPolicy ANY_ADDRESS = new AddressPolicy(address -> false);

    private final Predicate<InetAddress> blocked;

    AddressPolicy(Predicate<InetAddress> blocked) {
        this.blocked = blocked;
    }

    /** Throws naming the first blocked address: one blocked address refuses the whole host. */
    void requireAllowed(InetAddress[] addresses) throws BlockedAddressException {
        for (InetAddress address : addresses) {
            if (blocked.test(address)) {
                throw new BlockedAddressException(address);
            }
        }
    }

    /** Resolves {@code host} as a fetch of {@code url} would, and throws the fetch's error if it is refused. */
    void check(String host, String url) {
        try {
            new PolicyDnsResolver(HostResolver.SYSTEM, this).resolve(host);
        } catch (UnknownHostException e) {
            throw FetchErrors.whileRequesting(e, host, url);
        }
    }

    static boolean isNonPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isMulticastAddress()
                || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address ipv6) {
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc; // fc00::/7
            return uniqueLocal || ipv6.isIPv4CompatibleAddress() && isNonPublicIpv4(bytes[12], bytes[13]);
        }
        return isNonPublicIpv4(bytes[0], bytes[1]);
    }

    // Ranges InetAddress has no method for: 0.0.0.0/8 ("this network"), 100.64.0.0/10 (carrier-grade
    // NAT, where some clouds put their metadata service) and 240.0.0.0/4 (reserved, incl. broadcast).
    // The IPv4-compatible form (::a.b.c.d) lands here too, so also re-check loopback and private ranges.
    private static boolean isNonPublicIpv4(byte first, byte second) {
        int a = first & 0xff;
        int b = second & 0xff;
        return a == 0
                || a == 10
                || a == 127
                || a >= 224
                || a == 100 && b >= 64 && b < 128
                || a == 169 && b == 254
                || a == 172 && b >= 16 && b < 32
                || a == 192 && b == 168;
    }
}
