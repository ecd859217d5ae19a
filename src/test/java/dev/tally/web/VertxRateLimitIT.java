package dev.tally.web;

import dev.tally.support.TestStack;
import org.springframework.test.context.TestPropertySource;

/** The submission limit, on the API's own Vert.x server (tally.api.port), with queues of its own. */
@TestPropertySource(properties = {"tally.api.port=0", "tally.test.queue-suffix=" + VertxRateLimitIT.QUEUES})
class VertxRateLimitIT extends RateLimitIT {

    static final String QUEUES = "-vertx";

    static {
        TestStack.ownQueues(".ratelimit" + QUEUES);
    }
}
