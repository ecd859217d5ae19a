package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    @Test
    void aRequestBegunWhileDrainingIsServedAndWaitedFor() throws Exception {
        assertThat(requests.begin()).isTrue();
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> drain(Duration.ofSeconds(10)));
        while (!requests.draining()) {
            Thread.sleep(1);
        }

        assertThat(requests.begin()).as("served: its connection is open").isTrue();
        requests.end();
        Thread.sleep(50);
        assertThat(drained).as("the second request is still in flight").isNotDone();
        requests.end();
        assertThat(drained.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(requests.begin()).as("refused: the drain is over").isFalse();
    }

    private boolean drain(Duration within) {
        try {
            return requests.drain(within);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
