package dev.tally.submit;

import dev.tally.store.MongoDbProperties;
import dev.tally.web.ApiProperties;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SubmitConfiguration {

    /**
     * A POST waits at most this long for its batch, past the batch's own bounds (MongoDB's timeout, the confirm
     * timeout), so a stuck commit cannot hold a request thread for ever.
     */
    @Bean
    SubmissionBatches submissionBatches(
            ProducerTemplate routes,
            GroupCommitProperties settings,
            ApiProperties api,
            MongoDbProperties mongo,
            MeterRegistry meters) {
        DistributionSummary batchJobs = DistributionSummary.builder("tally.submissions.batch.jobs")
                .description("jobs stored and queued together by one group commit")
                .register(meters);
        BatchCommit route = new RouteBatchCommit(routes);
        BatchCommit metered = jobs -> {
            batchJobs.record(jobs.size());
            route.commit(jobs);
        };
        long waitLimitMillis = 2 * (mongo.timeoutMs() + api.confirmTimeoutMs()) + 1_000;
        SubmissionBatches batches = new SubmissionBatches(metered, settings, waitLimitMillis);
        Gauge.builder("tally.submissions.waiting", batches, SubmissionBatches::waiting)
                .description("POSTs whose job waits for a group commit to take it")
                .register(meters);
        return batches;
    }
}
