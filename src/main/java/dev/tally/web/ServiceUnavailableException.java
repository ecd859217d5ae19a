package dev.tally.web;

/** A dependency (MongoDB or RabbitMQ) is down: the API answers 503 naming it. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
