package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostRateLimitTest {

    @Test
    void offAtZeroRate() {
        PostRateLimit off = new PostRateLimit(0, 1);
        for (int i = 0; i < 1000; i++) {
            assertThat(off.tryAcquire("10.0.0.1")).isTrue();
        }
    }

    @Test
    void allowsTheBurstThenRefusesPerClient() {
        PostRateLimit limit = new PostRateLimit(0.001, 3);
        assertThat(limit.tryAcquire("a")).isTrue();
        assertThat(limit.tryAcquire("a")).isTrue();
        assertThat(limit.tryAcquire("a")).isTrue();
        assertThat(limit.tryAcquire("a")).isFalse();
        assertThat(limit.tryAcquire("b"))
                .as("another client has its own bucket")
                .isTrue();
    }

    @Test
    void refillsOverTime() throws InterruptedException {
        PostRateLimit limit = new PostRateLimit(50, 1);
        assertThat(limit.tryAcquire("a")).isTrue();
        assertThat(limit.tryAcquire("a")).isFalse();
        Thread.sleep(60);
        assertThat(limit.tryAcquire("a")).isTrue();
    }
}
