package dev.tally.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.apache.camel.Exchange;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * sweep-stale-jobs: each overdue job FAILs "timed out", each newly stuck one is re-published once. Which jobs are
 * which is StaleJobs' query (StaleJobsTest, SweeperIT); this is what the route does with its answers.
 */
class SweeperDecisionsTest {

    private static final String OVERDUE_1 = "6b0a3fb4e08e95152fdf0001";
    private static final String OVERDUE_2 = "6b0a3fb4e08e95152fdf0002";
    private static final String STUCK = "6b0a3fb4e08e95152fdf0003";

    private RouteHarness harness;

    @BeforeEach
    void routes() throws Exception {
        harness = RouteHarness.routes();
    }

    @Test
    void overdueJobsFailTimedOutAndStuckJobsAreRepublished() throws Exception {
        harness.staleJobs.overdue = List.of(OVERDUE_1, OVERDUE_2);
        harness.staleJobs.claimed = List.of(new Document("_id", new ObjectId(STUCK))
                .append("url", "http://x.test/stuck")
                .append("created_at", Date.from(Instant.parse("2026-12-05T10:00:00Z"))));
        harness.mongoUpdate().expectedMessageCount(2);
        harness.rabbitmq()
                .expectedBodiesReceived("{\"job_id\":\"" + STUCK
                        + "\",\"url\":\"http://x.test/stuck\",\"created_at\":\"2026-12-05T10:00:00Z\"}");

        sweep();

        harness.mongoUpdate().assertIsSatisfied();
        harness.rabbitmq().assertIsSatisfied();
        assertThat(failedJobIds()).containsExactly(OVERDUE_1, OVERDUE_2);
        for (Exchange update : harness.mongoUpdate().getExchanges()) {
            assertThat(updateOf(update).get(1).get("$set", Document.class)).containsEntry("error", "timed out");
        }
        assertThat(harness.failedCount("stale")).isEqualTo(2);
        // re-published to the jobs queue, not to the dead-letter queue
        assertThat(harness.rabbitmq()
                        .getExchanges()
                        .get(0)
                        .getMessage()
                        .getHeader("CamelSpringRabbitmqRoutingOverrideKey"))
                .isNull();
    }

    @Test
    void overdueJobFinishedMeanwhileIsNotCountedAsStale() throws Exception {
        harness.staleJobs.overdue = List.of(OVERDUE_1);
        harness.updateMatches = 0;

        sweep();

        assertThat(harness.mongoUpdate().getReceivedCounter()).isEqualTo(1);
        assertThat(harness.failedCountAnyReason()).isZero();
    }

    @Test
    void nothingStaleChangesNothing() {
        sweep();

        assertThat(harness.mongoUpdate().getReceivedCounter()).isZero();
        assertThat(harness.rabbitmq().getReceivedCounter()).isZero();
    }

    private void sweep() {
        Exchange done = harness.context.createProducerTemplate().send("direct:sweep-stale-jobs", exchange -> {});
        assertThat(done.getException()).isNull();
    }

    private List<String> failedJobIds() {
        return harness.mongoUpdate().getExchanges().stream()
                .map(update -> updateOf(update).get(0).getObjectId("_id").toHexString())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Document> updateOf(Exchange update) {
        return update.getMessage().getBody(List.class);
    }
}
