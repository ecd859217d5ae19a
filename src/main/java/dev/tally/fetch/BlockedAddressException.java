package dev.tally.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A host resolved to an address the {@link AddressPolicy} refuses. An UnknownHostException because that is
 * the only checked exception the HTTP client lets a DnsResolver throw: to the client the host has no
 * address it may use, so it neither connects nor retries.
 */
final class BlockedAddressException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    private final transient InetAddress address;

    BlockedAddressException(InetAddress address) {
        super("blocked address " + address.getHostAddress());
        this.address = address;
    }

    InetAddress address() {
        return address;
    }
}
