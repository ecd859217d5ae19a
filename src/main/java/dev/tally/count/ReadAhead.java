package dev.tally.count;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The rest of a long text read on a thread of its own while the caller counts what was read, a few buffers ahead:
 * reading an HTML document (the body from the network, its decoding, the visible text) is about a third of its
 * count's work, so a large document on an idle worker is counted in two-thirds of the time. The reader is only ever
 * used by one thread at a time, and is left to the caller once the reading thread has ended.
 */
final class ReadAhead {

    private static final int BUFFERS = 3;

    private final Reader reader;
    private final BlockingQueue<char[]> free = new ArrayBlockingQueue<>(BUFFERS);
    // one more than the buffers: a failure comes without one
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean abandoned;

    private ReadAhead(Reader reader, int bufferChars) {
        this.reader = reader;
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new char[bufferChars]);
        }
    }

    /**
     * Feeds the rest of {@code reader} to {@code scanner}, read on a thread of {@code threads}; returns false,
     * having read nothing, when none is free. A failure of the reader is thrown here as it was thrown there.
     */
    static boolean countRest(Reader reader, Scanner scanner, Executor threads, int bufferChars) throws IOException {
        ReadAhead ahead = new ReadAhead(reader, bufferChars);
        try {
            threads.execute(ahead::read);
        } catch (RejectedExecutionException e) {
            return false;
        }
        ahead.feed(scanner);
        return true;
    }

    private void feed(Scanner scanner) throws IOException {
        boolean finished = false;
        try {
            while (true) {
                Chunk chunk = uninterruptibly(filled::take);
                if (chunk.length < 0) {
                    // the end of the text, or the reading's failure, thrown here as it was thrown there
                    finished = true;
                    if (chunk.failure instanceof IOException io) {
                        throw io;
                    }
                    throwIfUnchecked(chunk.failure);
                    return;
                }
                scanner.feed(chunk.chars, 0, chunk.length);
                free.add(chunk.chars);
            }
        } finally {
            if (!finished) {
                abandon();
            }
            // until the reading thread has let go of the reader, so that the caller may close it
            uninterruptibly(() -> {
                ended.await();
                return null;
            });
        }
    }

    private void read() {
        try {
            while (true) {
                char[] buffer = free.take();
                if (abandoned) {
                    return;
                }
                int length = reader.read(buffer, 0, buffer.length);
                filled.put(new Chunk(buffer, length, null));
                if (length < 0) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // the pool is shutting down
            filled.offer(new Chunk(null, -1, new InterruptedIOException("stopped while reading ahead")));
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | Error e) {
            filled.offer(new Chunk(null, -1, e));
        } finally {
            ended.countDown();
        }
    }

    /**
     * The counting thread gives up (its scanner failed): the reading thread, waiting to hand over a chunk or for a
     * buffer, goes on and sees it. No interrupt: the pool's thread must not carry one into its next task.
     */
    private void abandon() {
        abandoned = true;
        filled.clear();
        free.offer(new char[0]);
    }

    /**
     * Waits through interrupts, as a read on the counting thread itself would, and keeps them for the caller: an
     * interrupt does not stop the count.
     */
    private static <T> T uninterruptibly(Wait<T> wait) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return wait.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void throwIfUnchecked(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
    }

    /** What counts the chunks: {@link WordScanner#feed}. */
    @FunctionalInterface
    interface Scanner {
        void feed(char[] chars, int offset, int length);
    }

    @FunctionalInterface
    private interface Wait<T> {
        T get() throws InterruptedException;
    }

    private record Chunk(char[] chars, int length, Throwable failure) {}
}
