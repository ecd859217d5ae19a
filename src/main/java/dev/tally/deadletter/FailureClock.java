package dev.tally.deadletter;

import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** Called by the worker's error handler on every failure: remembers when the first one happened. */
@Component("failureClock")
public class FailureClock implements Processor {

    static final String FIRST_FAILED_AT = "tallyFirstFailedAt";

    /** Tries made before giving up: the first one plus Camel's redeliveries. */
    public int attempts(Exchange exchange) {
        Integer redeliveries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        return 1 + (redeliveries == null ? 0 : redeliveries);
    }

    @Override
    public void process(Exchange exchange) {
        if (exchange.getProperty(FIRST_FAILED_AT) == null) {
            exchange.setProperty(FIRST_FAILED_AT, Instant.now().toString());
        }
    }
}
