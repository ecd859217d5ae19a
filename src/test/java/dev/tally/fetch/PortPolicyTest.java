package dev.tally.fetch;

import static dev.tally.fetch.FetchTestSupport.carries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.job.FailureReason;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortPolicyTest {

    private static FetchSettings blockingPrivate(Set<Integer> ports) {
        return new FetchSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 1000, 5, false, "test", ports);
    }

    @Test
    void onlyListedPortsWhilePrivateNetworksAreBlocked() {
        FetchSettings settings = blockingPrivate(FetchSettings.WEB_PORTS);
        assertThat(settings.portAllowed(80)).isTrue();
        assertThat(settings.portAllowed(443)).isTrue();
        assertThat(settings.portAllowed(8080)).isTrue();
        assertThat(settings.portAllowed(25)).isFalse();
        assertThat(settings.portAllowed(6379)).isFalse();
    }

    @Test
    void anyPortWhenPrivateNetworksAreAllowed() {
        assertThat(FetchSettings.defaults().portAllowed(6379)).isTrue();
    }

    @Test
    void aBlockedPortFailsBeforeAnyConnectionIsMade() {
        DocumentFetcher fetcher = new DocumentFetcher(blockingPrivate(FetchSettings.WEB_PORTS));
        assertThatThrownBy(() -> fetcher.fetch("http://example.test:25/mail"))
                .isInstanceOf(PermanentFetchException.class)
                .hasMessage("blocked port 25 for http://example.test:25/mail")
                .satisfies(carries(FailureReason.BLOCKED));
    }

    @Test
    void theDefaultPortOfTheSchemeCounts() {
        DocumentFetcher fetcher = new DocumentFetcher(blockingPrivate(Set.of(443)));
        assertThatThrownBy(() -> fetcher.fetch("http://example.test/page"))
                .hasMessage("blocked port 80 for http://example.test/page");
    }
}
