package dev.tally.count;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Test reader over another that records which threads read it, which closed it, and its reads, each maybe slowed. */
class WatchedReader extends Reader {

    final Set<String> readers = ConcurrentHashMap.newKeySet();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger readsInProgress = new AtomicInteger();
    private final Reader text;
    private final long readMillis;
    private volatile String closedBy;

    WatchedReader(Reader text) {
        this(text, 0);
    }

    /** Each read takes {@code readMillis} more. */
    WatchedReader(Reader text, long readMillis) {
        this.text = text;
        this.readMillis = readMillis;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        readsInProgress.incrementAndGet();
        try {
            readers.add(Thread.currentThread().getName());
            if (readMillis > 0) {
                Thread.sleep(readMillis);
            }
            reads.incrementAndGet();
            return text.read(buffer, offset, length);
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        } finally {
            readsInProgress.decrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        closedBy = Thread.currentThread().getName();
        text.close();
    }

    String closedBy() {
        return closedBy;
    }
}
