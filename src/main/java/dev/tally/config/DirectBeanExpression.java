package dev.tally.config;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.util.ObjectHelper;

/**
 * A {@code method: {ref, method}} expression as a {@link DirectBeanCall} on the exchange itself. Camel's bean
 * expression copies the exchange for every evaluation, chooses the method again and copies headers and properties
 * back; {@link DirectBeanLanguage} uses this one only for methods that cannot tell the copy from the original.
 */
final class DirectBeanExpression implements Expression, Predicate {

    private final DirectBeanCall call;
    private final Class<?> resultType;

    DirectBeanExpression(DirectBeanCall call, Class<?> resultType) {
        this.call = call;
        this.resultType = resultType;
    }

    /** As Camel's: what the method throws, an Error too, becomes the exchange's exception, and the value is null. */
    @SuppressWarnings("PMD.AvoidCatchingThrowable") // Camel's expression keeps an Error on the exchange too
    public Object evaluate(Exchange exchange) {
        try {
            return call.call(exchange);
        } catch (Exception | Error e) {
            exchange.setException(e);
            return null;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluate(Exchange exchange, Class<T> type) {
        Object result = evaluate(exchange);
        if (type == Object.class) {
            return (T)
                    (resultType == null
                            ? result
                            : exchange.getContext().getTypeConverter().convertTo(resultType, exchange, result));
        }
        return exchange.getContext().getTypeConverter().convertTo(type, exchange, result);
    }

    /** Nothing to do: the call was bound when the language built this. */
    @Override
    public void init(CamelContext context) {
        // bound already
    }

    @Override
    public boolean matches(Exchange exchange) {
        return ObjectHelper.evaluateValuePredicate(evaluate(exchange));
    }

    @Override
    public String toString() {
        return call.toString();
    }
}
