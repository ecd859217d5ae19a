package dev.tally.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A DNS server that answers each lookup with the next of its scripted addresses (the last one again once
 * they run out), as a rebinding attacker's server does. Counts the lookups.
 */
final class ScriptedHostResolver implements HostResolver {

    private final List<String> answers;
    private final List<String> lookedUp = new ArrayList<>();

    ScriptedHostResolver(String... answers) {
        this.answers = List.of(answers);
    }

    @Override
    public synchronized InetAddress[] lookup(String host) throws UnknownHostException {
        String answer = answers.get(Math.min(lookedUp.size(), answers.size() - 1));
        lookedUp.add(host);
        // an IP literal: InetAddress.getByName asks no DNS server for it
        return new InetAddress[] {
            InetAddress.getByAddress(host, InetAddress.getByName(answer).getAddress())
        };
    }

    synchronized int lookups() {
        return lookedUp.size();
    }
}
