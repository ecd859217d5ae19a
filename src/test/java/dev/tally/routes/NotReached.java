package dev.tally.routes;

/**
 * Stands for the beans a route names on a path the test does not take (Camel resolves each bean and method when it
 * builds the route): counting a document, storing its result, removing expired jobs, queueing a batch of new jobs.
 */
public final class NotReached {

    public Object extract(Object document) {
        throw notReached();
    }

    public Object count(Object text) {
        throw notReached();
    }

    public Object completeUpdate(Object job, Object counts, Object exchange) {
        throw notReached();
    }

    public void discardFile(Object file) {
        throw notReached();
    }

    public Object remove() {
        throw notReached();
    }

    public void publish(Object jobs) {
        throw notReached();
    }

    private static IllegalStateException notReached() {
        return new IllegalStateException("a step the test does not take was taken");
    }
}
