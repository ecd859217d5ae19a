package dev.tally.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tally.support.FullStackTest;
import dev.tally.support.KnownDocuments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Slow documents must not stall a worker: it fetches as many documents at once as tally.worker.concurrency
 * says. (Found under load: the RabbitMQ client ran every consumer on one thread per CPU, so a 2-core worker
 * set to 8 ran 2 jobs at a time.)
 */
class WorkerConcurrencyIT extends FullStackTest {

    @Value("${tally.worker.concurrency}")
    int concurrency;

    @Test
    void aWorkerRunsAsManySlowJobsAtOnceAsItsConcurrency() {
        documents.takePeakInFlight();
        List<String> jobs = new ArrayList<>();
        int first = KnownDocuments.reserve(concurrency * 2);
        for (int n = 0; n < concurrency * 2; n++) {
            jobs.add(submit(documents.url(KnownDocuments.path(first + n, 3000))));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> documents.inFlight() >= concurrency);
        assertThat(documents.inFlight()).isEqualTo(concurrency);
        jobs.forEach(jobId -> assertThat(awaitFinished(jobId, Duration.ofSeconds(30))
                        .path("status")
                        .asText())
                .isEqualTo("COMPLETE"));
        assertThat(documents.takePeakInFlight()).isEqualTo(concurrency);
    }
}
