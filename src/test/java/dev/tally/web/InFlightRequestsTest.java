package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The count a graceful stop of the API's server waits on. */
class InFlightRequestsTest {

    private final InFlightRequests requests = new InFlightRequests();

    @Test
    void aDrainWaitsForTheRequestsInFlightAndNoLonger() throws InterruptedException {
        assertThat(requests.begin()).isTrue();

        assertThat(requests.drain(Duration.ofMillis(50)))
                .as("one request still in flight")
                .isFalse();
        requests.end();
        assertThat(requests.drain(Duration.ofMillis(50))).isTrue();
    }

    @Test
    void aRequestRefusedWhileDrainingLeavesNothingToWaitFor() throws InterruptedException {
        assertThat(requests.drain(Duration.ZERO)).isTrue();

        assertThat(requests.begin()).as("refused: the server is stopping").isFalse();
        assertThat(requests.drain(Duration.ofMillis(50))).isTrue();
    }
}
