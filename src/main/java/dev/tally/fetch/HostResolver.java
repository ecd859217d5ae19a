package dev.tally.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Looks up a host's addresses: the system's resolver in production, scripted answers in tests. */
@FunctionalInterface
interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] lookup(String host) throws UnknownHostException;
}
