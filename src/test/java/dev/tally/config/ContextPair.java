package dev.tally.config;

import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NoErrorHandlerBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two Camel contexts alike but for {@link DirectBeanSteps}, each with the bean {@code sample} and the same routes,
 * started before a test class and stopped after it: the tests compare what each makes of one exchange.
 */
final class ContextPair implements BeforeAllCallback, AfterAllCallback {

    private final Object sample;
    private final Supplier<RoutesBuilder> routes;
    private CamelContext direct;
    private CamelContext camels;

    ContextPair(Object sample, Supplier<RoutesBuilder> routes) {
        this.sample = sample;
        this.routes = routes;
    }

    CamelContext direct() {
        return direct;
    }

    CamelContext camels() {
        return camels;
    }

    @Override
    public void beforeAll(ExtensionContext test) throws Exception {
        direct = context(true);
        camels = context(false);
    }

    @Override
    public void afterAll(ExtensionContext test) {
        direct.stop();
        camels.stop();
    }

    /** The exchange's exception as class and message, or null: what the tests compare. */
    static String failureOf(Exchange done) {
        Exception failure = done.getException();
        if (failure instanceof CamelExecutionException wrapper && wrapper.getCause() != null) {
            // Camel's wrapper of an Error names the exchange, whose id differs from context to context
            return wrapper.getClass().getName() + " of " + failureOf(wrapper.getCause());
        }
        return failure == null ? null : failureOf(failure);
    }

    private static String failureOf(Throwable failure) {
        return failure.getClass().getName() + ": " + failure.getMessage();
    }

    private CamelContext context(boolean withDirectSteps) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("sample", sample);
        if (withDirectSteps) {
            new DirectBeanSteps().configure(context);
        }
        // a failure is the test's to read, not the log's
        context.getCamelContextExtension().setErrorHandlerFactory(new NoErrorHandlerBuilder());
        context.addRoutes(routes.get());
        context.start();
        return context;
    }
}
