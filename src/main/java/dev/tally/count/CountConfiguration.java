package dev.tally.count;

import dev.tally.worker.WorkerProperties;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CountConfiguration {

    /**
     * One thread a core at most, none while no long document is counted; when all are busy a document is read on
     * its consumer's thread, as a short one is.
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolExecutor readAheadThreads() {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(
                0, Runtime.getRuntime().availableProcessors(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "tally-read-ahead-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Bean
    WordCounter wordCounter(WorkerProperties worker, ThreadPoolExecutor readAheadThreads) {
        long after = worker.readAheadAfterChars();
        return after == 0 ? new WordCounter() : new WordCounter(readAheadThreads, after);
    }
}
