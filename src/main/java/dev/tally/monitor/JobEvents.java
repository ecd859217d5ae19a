package dev.tally.monitor;

import dev.tally.fetch.FetchedDocument;
import dev.tally.job.PoisonMessageException;
import dev.tally.web.ServiceUnavailableException;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Watches the API and worker exchanges as they complete and turns each job state change into metrics and one log
 * line, reading what the routes left on the exchange (properties jobId, totalWords, document; the caught exception;
 * the dead-letter headers), so the routes carry no monitoring steps. Added to Camel by {@link MonitorConfiguration}.
 */
class JobEvents extends EventNotifierSupport {

    /** Where the exchange of a POST /word-count starts: its REST verb (api.camel.yaml), before api-word-count. */
    static final String API_ROUTE = "api-post-word-count";

    static final String WORKER_ROUTE = "worker-count-words";
    static final String SWEEPER_ROUTE = "sweep-stale-jobs";
    static final String DEAD_LETTER_ID = "tally-dead-letter-id";

    private final JobMetrics metrics;

    JobEvents(JobMetrics metrics) {
        this.metrics = metrics;
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCompletedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeCompletedEvent) event).getExchange();
        String route = exchange.getFromRouteId();
        if (API_ROUTE.equals(route)) {
            submitted(exchange);
        } else if (WORKER_ROUTE.equals(route)) {
            worked(exchange);
        } else if (SWEEPER_ROUTE.equals(route)) {
            swept(exchange);
        }
    }

    private void swept(Exchange exchange) {
        List<?> timedOut = exchange.getProperty("timedOutJobs", List.class);
        if (timedOut != null) {
            timedOut.forEach(jobId -> failed(String.valueOf(jobId), "timed out", "stale", null, false));
        }
    }

    private void submitted(Exchange exchange) {
        String jobId = exchange.getProperty("jobId", String.class);
        if (jobId == null) {
            return; // a read, or a submission refused before a job was stored
        }
        Duration took = elapsed(exchange);
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != null && status == 202) {
            metrics.accepted();
            JobStateLog.changed(jobId, "IN_PROGRESS", took, null, null, null);
        } else if (caught(exchange) instanceof ServiceUnavailableException) {
            // the stored job was FAILed "queue unavailable" before the 503
            failed(jobId, "queue unavailable", "queue_unavailable", took, false);
        }
    }

    private void worked(Exchange exchange) {
        String jobId = exchange.getProperty("jobId", String.class);
        Throwable caught = failure(exchange);
        Duration took = elapsed(exchange);
        if (exchange.getMessage().getHeader(DEAD_LETTER_ID) != null) {
            metrics.deadLettered();
            if (jobId != null && !(caught instanceof PoisonMessageException)) {
                // the dead-letter route FAILed the job with the reason
                failed(jobId, caught == null ? null : caught.getMessage(), "dead_letter", took, true);
            }
            return;
        }
        if (caught != null) {
            if (jobId != null) {
                failed(jobId, caught.getMessage(), FailureReasons.classify(caught.getMessage(), caught), took, true);
            }
            return;
        }
        Long words = exchange.getProperty("totalWords", Long.class);
        if (jobId == null || words == null) {
            return; // the message of a job already finished: acknowledged, nothing changed
        }
        FetchedDocument document = exchange.getProperty("document", FetchedDocument.class);
        long bytes = document == null ? -1 : document.bytesRead();
        metrics.completed(took, bytes, words);
        JobStateLog.changed(jobId, "COMPLETE", took, bytes < 0 ? null : bytes, words, null);
    }

    private void failed(String jobId, String reason, String reasonClass, Duration took, boolean byWorker) {
        metrics.failed(reasonClass, byWorker ? took : null);
        JobStateLog.changed(
                jobId, "FAIL", took, null, null, reason == null || reason.isBlank() ? "unknown error" : reason);
    }

    private static Throwable caught(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    /**
     * The exception that ended the worker's exchange, or null. Camel keeps the exception of a failed attempt on
     * the exchange after a redelivery succeeds, so that alone logged and counted a job whose store write timed out
     * once and then passed as FAIL (8 of 2,000 in make bench). A failure is an exception still on the exchange or
     * one an error clause took over (the job FAILed or dead-lettered).
     */
    private static Throwable failure(Exchange exchange) {
        // Camel marks the exchange failure-handled whenever an error clause or the dead-letter channel took over
        boolean failed = exchange.getException() != null
                || exchange.getExchangeExtension().isFailureHandled();
        return failed ? caught(exchange) : null;
    }

    private static Duration elapsed(Exchange exchange) {
        return Duration.ofMillis(exchange.getClock().elapsed());
    }
}
