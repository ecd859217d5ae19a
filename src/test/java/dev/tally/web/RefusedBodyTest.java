package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RefusedBodyTest {

    private static final long MAX = 1_000_000;

    private final RefusedBody refused = new RefusedBody(MAX, Duration.ofMillis(300));

    @Test
    void aBodyWithinTheBoundIsReadToItsEnd() {
        CountingBody body = new CountingBody(MAX, 0);

        assertThat(refused.discard(request(body))).isTrue();
        assertThat(body.served.get()).isEqualTo(MAX);
    }

    @Test
    void anEndlessBodyIsLeftPastTheByteBound() {
        CountingBody body = new CountingBody(Long.MAX_VALUE, 0);

        assertThat(refused.discard(request(body))).isFalse();
        assertThat(body.served.get()).isBetween(MAX, MAX + 64 * 1024);
    }

    @Test
    void aTricklingBodyIsLeftPastTheDeadline() {
        CountingBody body = new CountingBody(Long.MAX_VALUE, 20);

        long started = System.nanoTime();
        assertThat(refused.discard(request(body))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(body.served.get()).isLessThan(MAX);
    }

    @Test
    void aClientWaitingFor100ContinueOrDeclaringMoreThanTheBoundIsNotRead() {
        MockHttpServletRequest expecting = new MockHttpServletRequest("POST", "/word-count");
        expecting.addHeader("Expect", "100-continue");
        MockHttpServletRequest huge = new MockHttpServletRequest("POST", "/word-count");
        huge.setContent(new byte[(int) MAX + 1]);
        MockHttpServletRequest withinBound = new MockHttpServletRequest("POST", "/word-count");
        withinBound.setContent(new byte[(int) MAX]);

        assertThat(refused.worthDiscarding(expecting)).isFalse();
        assertThat(refused.worthDiscarding(huge)).isFalse();
        assertThat(refused.worthDiscarding(withinBound)).isTrue();
    }

    private static HttpServletRequestWrapper request(ServletInputStream body) {
        return new HttpServletRequestWrapper(new MockHttpServletRequest("POST", "/word-count")) {
            @Override
            public ServletInputStream getInputStream() {
                return body;
            }
        };
    }

    /** Serves {@code length} bytes in reads of up to 8 KB, each after {@code pauseMillis}. */
    private static final class CountingBody extends ServletInputStream {
        private final long length;
        private final long pauseMillis;
        final AtomicLong served = new AtomicLong();

        CountingBody(long length, long pauseMillis) {
            this.length = length;
            this.pauseMillis = pauseMillis;
        }

        @Override
        public int read(byte[] buffer, int offset, int max) throws IOException {
            long left = length - served.get();
            if (left <= 0) {
                return -1;
            }
            pause();
            int read = (int) Math.min(Math.min(max, 8192), left);
            served.addAndGet(read);
            return read;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        private void pause() throws IOException {
            if (pauseMillis > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }

        @Override
        public boolean isFinished() {
            return served.get() >= length;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
